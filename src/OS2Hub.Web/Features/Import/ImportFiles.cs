using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// The templates, and the export of each kind in the import's columns, so that export → import changes nothing. An
/// export with contact persons is personal data leaving the hub: the access log records it for every product in it.
/// </summary>
public sealed class ImportFiles(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The kind's columns with one example row, and a second sheet explaining each column (Danish: the file format).</summary>
    public static byte[] Template(IImportKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Workbooks.Xlsx(
            (kind.SheetName, [[.. kind.Columns.Select(c => c.Name)], [.. kind.Example]]),
            ("Forklaring", [["kolonne", "skal udfyldes", "forklaring"], .. kind.Columns.Select(c => new[] { c.Name, c.Required ? "ja" : "nej", c.Explanation })]));
    }

    /// <summary>Every record of the kind (not demo data) with the header row; null when the user is not the secretariat.</summary>
    public async Task<IReadOnlyList<string[]>?> RowsAsync(string userId, IImportKind kind, PersonalDataAccess format, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        var rows = await kind.ExportAsync(db, ct);
        if (kind.Kind == ImportKind.Contacts)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.PersonalDataAccessLog.AddRange((await ContactFile.ExportedProductsAsync(db, ct))
                .Select(productId => new PersonalDataAccessEntry { At = now, UserId = userId, ProductId = productId, Access = format }));
            await db.SaveChangesAsync(ct);
        }

        return [[.. kind.Columns.Select(c => c.Name)], .. rows];
    }
}
