using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

public sealed record OrganisationEdit
{
    /// <summary>0 for a new organisation.</summary>
    public int Id { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public OrganisationKind Kind { get; init; }
    public string? Code { get; init; }
    public int? RegionId { get; init; }
    public string? Cvr { get; init; }
    public string? Website { get; init; }
    public DateOnly? ArchivedOn { get; init; }
}

/// <summary>The secretariat creates and edits authorities and suppliers, and adds dated population figures.</summary>
public sealed class OrganisationEditService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Danish CVR numbers: 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.</summary>
    public static bool IsValidCvr(string cvr)
    {
        if (cvr.Length != 8 || !cvr.All(char.IsAsciiDigit) || cvr[0] == '0')
        {
            return false;
        }

        int[] weights = [2, 7, 6, 5, 4, 3, 2, 1];
        return cvr.Select((c, i) => (c - '0') * weights[i]).Sum() % 11 == 0;
    }

    public async Task<Read<OrganisationEdit>> GetAsync(string userId, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return Read.Denied<OrganisationEdit>();
        }

        var edit = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new OrganisationEdit { Id = o.Id, Version = o.Version, Name = o.Name, Slug = o.Slug, Kind = o.Kind, Code = o.Code, RegionId = o.RegionId, Cvr = o.Cvr, Website = o.Website, ArchivedOn = o.ArchivedOn })
            .FirstOrDefaultAsync(ct);
        return edit is null ? Read.NotFound<OrganisationEdit>() : Read.Ok(edit);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> RegionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<OperationResult> SaveAsync(string userId, OrganisationEdit input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var org = input.Id == 0 ? null : await db.Organisations.FirstOrDefaultAsync(o => o.Id == input.Id, ct);
        if (input.Id != 0 && org is null)
        {
            return OperationResult.NotFound;
        }

        if (org is not null && org.Version != input.Version)
        {
            return Conflict();
        }

        var errors = await ValidateAsync(db, input, ct);
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Edit_Error_NotSaved"), errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = org is null;
        org ??= new Organisation { Name = "", Slug = "" };
        var oldSlug = org.Slug;
        var changes = new ChangeRecorder(userId, now, nameof(Organisation));

        var kind = input.Kind;
        changes.Set(nameof(Organisation.Name), org.Name, input.Name!.Trim(), v => org.Name = v);
        changes.Set(nameof(Organisation.Slug), org.Slug, input.Slug!.Trim(), v => org.Slug = v);
        changes.Set(nameof(Organisation.Kind), org.Kind, kind, v => org.Kind = v);
        changes.Set(nameof(Organisation.Code), org.Code, kind is OrganisationKind.Municipality or OrganisationKind.Region ? input.Code!.Trim() : null, v => org.Code = v);
        changes.Set(nameof(Organisation.RegionId), org.RegionId, kind == OrganisationKind.Municipality ? input.RegionId : null, v => org.RegionId = v);
        changes.Set(nameof(Organisation.Cvr), org.Cvr, string.IsNullOrWhiteSpace(input.Cvr) ? null : input.Cvr.Trim(), v => org.Cvr = v);
        changes.Set(nameof(Organisation.Website), org.Website, string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim(), v => org.Website = v);
        changes.Set(nameof(Organisation.ArchivedOn), org.ArchivedOn, input.ArchivedOn, v => org.ArchivedOn = v);
        if (changes.Entries.Count == 0)
        {
            return OperationResult.Ok(org.Id);
        }

        if (isNew)
        {
            db.Organisations.Add(org);
        }
        else if (org.Slug != oldSlug)
        {
            await db.OrganisationSlugRedirects.Where(r => r.Slug == org.Slug).ExecuteDeleteAsync(ct);
            db.OrganisationSlugRedirects.Add(new OrganisationSlugRedirect { Slug = oldSlug, OrganisationId = org.Id });
        }

        org.Version++;
        org.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        changes.WriteTo(db, createdId: org.Id);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(org.Id);
    }

    /// <summary>Adds a population figure with its date; earlier figures stay, so any year's size class can be derived.</summary>
    public async Task<OperationResult> AddPopulationAsync(string userId, int organisationId, DateOnly? asOf, int? population, string? source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string>();
        if (asOf is null || asOf > today)
        {
            errors["AsOf"] = Texts.Get("Org_Error_PopulationDate");
        }
        else if (await db.PopulationFigures.AnyAsync(p => p.OrganisationId == organisationId && p.AsOf == asOf, ct))
        {
            errors["AsOf"] = Texts.Get("Org_Error_PopulationDuplicate");
        }

        if (population is null or <= 0 or > 10_000_000)
        {
            errors["Population"] = Texts.Get("Org_Error_Population");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Org_Error_PopulationNotSaved"), errors);
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            return OperationResult.NotFound;
        }

        await db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(u => u.SetProperty(o => o.UpdatedAt, clock.GetUtcNow().UtcDateTime), ct);
        db.PopulationFigures.Add(new PopulationFigure { OrganisationId = organisationId, AsOf = asOf!.Value, Population = population!.Value, Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim() });
        new ChangeRecorder(userId, clock.GetUtcNow().UtcDateTime, nameof(Organisation), organisationId)
            .Add("Population", newValue: $"{population} pr. {ChangeRecorder.Format(asOf.Value)}").WriteTo(db);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(organisationId);
    }

    /// <summary>The organisation's change log, for the secretariat only.</summary>
    public Task<IReadOnlyList<ChangeInfo>?> HistoryAsync(string userId, int organisationId, CancellationToken ct = default) =>
        ChangeHistory.ForAsync(dbFactory, userId, nameof(Organisation), organisationId, ct);

    public async Task<string?> RedirectAsync(string oldSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrganisationSlugRedirects.Where(r => r.Slug == oldSlug)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => o.Slug).FirstOrDefaultAsync(ct);
    }

    private static async Task<Dictionary<string, string>> ValidateAsync(OS2HubDbContext db, OrganisationEdit input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = Texts.Get("Org_Error_Name");
        }

        var slug = input.Slug?.Trim();
        if (!InputRules.IsSlug(slug))
        {
            errors[nameof(input.Slug)] = Texts.Get("Org_Error_Slug");
        }
        else if (await db.Organisations.AnyAsync(o => o.Slug == slug && o.Id != input.Id, ct)
                 || await db.OrganisationSlugRedirects.AnyAsync(r => r.Slug == slug && r.OrganisationId != input.Id, ct))
        {
            errors[nameof(input.Slug)] = Texts.Get("Org_Error_SlugTaken");
        }

        if (input.Kind is OrganisationKind.Municipality or OrganisationKind.Region)
        {
            var code = input.Code?.Trim();
            var range = input.Kind == OrganisationKind.Municipality ? (101, 999) : (1081, 1085);
            if (code is null || code.Length != 4 || !code.All(char.IsAsciiDigit) || int.Parse(code, CultureInfo.InvariantCulture) is var n && (n < range.Item1 || n > range.Item2))
            {
                errors[nameof(input.Code)] = input.Kind == OrganisationKind.Municipality
                    ? Texts.Get("Org_Error_MunicipalityCode")
                    : Texts.Get("Org_Error_RegionCode");
            }
            else if (await db.Organisations.AnyAsync(o => o.Kind == input.Kind && o.Code == code && o.Id != input.Id, ct))
            {
                errors[nameof(input.Code)] = Texts.Get("Org_Error_CodeTaken");
            }
        }

        if (input.Kind == OrganisationKind.Municipality
            && (input.RegionId is null || !await db.Organisations.AnyAsync(o => o.Id == input.RegionId && o.Kind == OrganisationKind.Region, ct)))
        {
            errors[nameof(input.RegionId)] = Texts.Get("Org_Error_Region");
        }

        if (!string.IsNullOrWhiteSpace(input.Cvr) && !IsValidCvr(input.Cvr.Trim()))
        {
            errors[nameof(input.Cvr)] = Texts.Get("Org_Error_Cvr");
        }

        if (!InputRules.IsWebAddressOrEmpty(input.Website))
        {
            errors[nameof(input.Website)] = Texts.Get("Common_Error_HttpsUrl");
        }

        return errors;
    }

    private static OperationResult Conflict() =>
        OperationResult.Conflict(Texts.Get("Org_Error_Conflict"));
}
