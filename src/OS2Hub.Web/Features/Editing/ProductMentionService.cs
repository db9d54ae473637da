using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

/// <summary>Dated, sourced statements about a product, such as who uses it for what.</summary>
public sealed partial class ProductMentionService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds a dated statement about the product (<paramref name="mentionId"/> null) or corrects one.</summary>
    public async Task<OperationResult> SaveMentionAsync(string userId, int productId, int? mentionId, MentionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        var mention = mentionId is null ? null : await db.ProductMentions.FirstOrDefaultAsync(m => m.Id == mentionId && m.ProductId == productId, ct);
        if ((mentionId is not null && mention is null) || !await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return OperationResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var statement = InputRules.Clean(input.Statement);
        if (statement is null || statement.Length > 2000)
        {
            errors[nameof(input.Statement)] = Texts.Get("Edit_Error_Statement");
        }

        if (input.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
        {
            errors[nameof(input.OrganisationId)] = Texts.Get("Edit_Error_Organisation");
        }
        else if (input.OrganisationId is null && InputRules.Clean(input.Subject) is null)
        {
            errors[nameof(input.Subject)] = Texts.Get("Edit_Error_Subject");
        }

        var asOf = InputRules.Clean(input.AsOf);
        if (asOf is not null && (!PartialDateRegex().IsMatch(asOf) || string.CompareOrdinal(asOf, clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) > 0))
        {
            errors[nameof(input.AsOf)] = Texts.Get("Edit_Error_MentionDate");
        }

        if (InputRules.Clean(input.Source)?.Length > 2000)
        {
            errors[nameof(input.Source)] = Texts.Get("Edit_Error_MentionSource");
        }

        if (!InputRules.IsTextLanguage(input.Language))
        {
            errors[nameof(input.Language)] = Texts.Get("Common_Error_DanishOrEnglish");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Edit_Error_MentionNotSaved"), errors);
        }

        var before = mention is null ? null : $"{mention.AsOf}: {mention.Statement}";
        if (mention is not null && mention.Version != input.Version)
        {
            return OperationResult.Conflict(Texts.Format("Edit_Error_MentionConflictWith", before));
        }

        mention ??= db.ProductMentions.Add(new ProductMention { ProductId = productId, Statement = "" }).Entity;
        (mention.OrganisationId, mention.Subject, mention.Statement, mention.AsOf, mention.Source, mention.Language) =
            (input.OrganisationId, input.OrganisationId is null ? InputRules.Clean(input.Subject) : null, statement!, asOf, InputRules.Clean(input.Source), input.Language);
        mention.Version++;
        var now = clock.GetUtcNow().UtcDateTime;
        new ChangeRecorder(userId, now, nameof(Product), productId).Add("Omtale", before, $"{asOf}: {statement}").WriteTo(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Conflict(Texts.Get("Edit_Error_MentionConflict"));
        }

        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, now), ct);
        return OperationResult.Ok(mention.Id);
    }

    /// <summary>Organisations a mention can be about, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex PartialDateRegex();
}
