using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Economy;

/// <param name="NextFromBudgetYear">The budget year a new placement applies from, so a year already shared keeps its class.</param>
public sealed record AssessmentRow(int Id, string Slug, string Name, OrganisationKind Kind, int Version, int Products, IReadOnlyList<AssessmentInfo> Assessments,
    int NextFromBudgetYear = 0);

public sealed record AssessmentInfo(int FromBudgetYear, SizeClass SizeClass, int? Population, bool IsDemo);

/// <summary>The size class of authorities without a population of their own (regions, state bodies): the secretariat's to place.</summary>
public sealed class SizeAssessmentService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The public authorities that are not municipalities, with the class the secretariat placed them in.</summary>
    public async Task<IReadOnlyList<AssessmentRow>?> AssessmentsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        var rows = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Region || o.Kind == OrganisationKind.State || o.Kind == OrganisationKind.OtherPublic)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new AssessmentRow(o.Id, o.Slug, o.Name, o.Kind, o.Version,
                db.Participations.Count(x => x.OrganisationId == o.Id && x.Kind == ParticipationKind.Member),
                o.SizeAssessments.OrderBy(a => a.FromBudgetYear).Select(a => new AssessmentInfo(a.FromBudgetYear, a.SizeClass, a.Population, a.IsDemo)).ToList(), 0))
            .ToListAsync(ct);
        var thisYear = clock.GetUtcNow().Year;
        return rows.Select(r => r with { NextFromBudgetYear = NextFromBudgetYear(r.Assessments, thisYear) }).ToList();
    }

    /// <summary>A first placement applies from this budget year; a reassessment from the next, so a year already shared keeps its class.</summary>
    public static int NextFromBudgetYear(IReadOnlyList<AssessmentInfo> assessments, int thisYear) =>
        assessments is [.., var latest] ? Math.Max(latest.FromBudgetYear, thisYear + 1) : thisYear;

    /// <summary>
    /// Places an authority without a population of its own in a size class from a budget year (replacing a placement
    /// for that same year). Earlier years keep the class they were shared with.
    /// </summary>
    public async Task<OperationResult> SaveAssessmentAsync(string userId, int organisationId, int version, int fromBudgetYear, SizeClass sizeClass, int? population, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var org = await db.Organisations.Include(o => o.SizeAssessments).FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (org is null)
        {
            return OperationResult.NotFound;
        }

        if (org.Kind is OrganisationKind.Municipality or OrganisationKind.Company)
        {
            return OperationResult.Invalid(Texts.Get("Economy_Error_PlaceMunicipality"));
        }

        var errors = new Dictionary<string, string>();
        if (fromBudgetYear is < BudgetYears.Min or > BudgetYears.Max)
        {
            errors["FromBudgetYear"] = Texts.Format("Economy_Error_Year", BudgetYears.Min, BudgetYears.Max);
        }

        if (!Enum.IsDefined(sizeClass))
        {
            errors["SizeClass"] = Texts.Get("Economy_Error_SizeClass");
        }

        if (population is < 1 or > 10_000_000)
        {
            errors["Population"] = Texts.Get("Economy_Error_Population");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(string.Join(" ", errors.Values), errors);
        }

        if (org.Version != version)
        {
            return OperationResult.Conflict(Texts.Get("Economy_Error_OrgConflict"));
        }

        var row = org.SizeAssessments.FirstOrDefault(a => a.FromBudgetYear == fromBudgetYear);
        new ChangeRecorder(userId, clock.GetUtcNow().UtcDateTime, nameof(Organisation), org.Id).Add($"SizeAssessment {fromBudgetYear}",
            row is null ? null : $"{row.SizeClass} {ChangeRecorder.Format(row.Population)}".Trim(), $"{sizeClass} {ChangeRecorder.Format(population)}".Trim()).WriteTo(db);
        if (row is null)
        {
            org.SizeAssessments.Add(row = new SizeAssessment { FromBudgetYear = fromBudgetYear });
        }

        (row.SizeClass, row.Population, row.IsDemo) = (sizeClass, population, false);
        org.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        org.Version++;
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(org.Id);
    }
}
