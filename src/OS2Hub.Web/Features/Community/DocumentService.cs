using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Community;

public sealed record VersionView(int Id, int Number, string FileName, long Size, DateTime UploadedAt, DateTime? RemovedAt, string? RemovedNote);

public sealed record DocumentView(int Id, string Title, DocumentCategory Category, ItemVisibility Visibility, bool SuppliersMayRead, IReadOnlyList<VersionView> Versions);

public sealed record DocumentList(int ProductId, string Slug, string Name, IReadOnlyList<DocumentView> Documents, bool Uploads, bool Removes);

/// <summary>A file as it is served: its bytes and what it is.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

public sealed class DocumentUpload
{
    public int ProductId { get; set; }

    /// <summary>A new version of this document; null: a new document.</summary>
    public int? DocumentId { get; set; }
    public string? Title { get; set; }
    public DocumentCategory Category { get; set; }
    public ItemVisibility Visibility { get; set; }
    public bool SuppliersMayRead { get; set; }
}

/// <summary>
/// A product's documents and their versions. Reading a list and downloading a version both ask the same question as
/// news and decisions (<see cref="CommunityService.MayReadAsync"/>); uploads are the produktkoordinator's and the
/// secretariat's; removing a version's bytes is the secretariat's alone.
/// </summary>
public sealed class DocumentService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, Following.FollowNotifier? followers = null)
{
    public async Task<DocumentList?> ListAsync(string? userId, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var documents = await db.ProductDocuments.AsNoTracking().Include(d => d.Versions).Where(d => d.ProductId == product.Id).OrderBy(d => d.Title).ToListAsync(ct);
        var visible = new List<DocumentView>();
        foreach (var d in documents)
        {
            if (await CommunityService.MayReadAsync(db, access, product.Id, d.Visibility, d.SuppliersMayRead, Today(), ct))
            {
                visible.Add(new DocumentView(d.Id, d.Title, d.Category, d.Visibility, d.SuppliersMayRead, d.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new VersionView(v.Id, v.Number, v.FileName, v.Size, v.UploadedAt, v.RemovedAt, v.RemovedNote)).ToList()));
            }
        }

        return new DocumentList(product.Id, product.Slug, product.Name, visible, access.Decides(product.Id), access.IsSecretariat);
    }

    public async Task<OperationResult> UploadAsync(string userId, DocumentUpload input, string fileName, byte[] content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == input.ProductId, ct) || !await AccessService.DecidesAsync(db, userId, input.ProductId, ct)
            || !Enum.IsDefined(input.Category) || !Enum.IsDefined(input.Visibility))
        {
            return OperationResult.Denied;
        }

        var document = input.DocumentId is { } id ? await db.ProductDocuments.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id && d.ProductId == input.ProductId, ct) : null;
        if (input.DocumentId is not null && document is null)
        {
            return OperationResult.NotFound;
        }

        var title = InputRules.Clean(input.Title);
        if (document is null && (title is null || title.Length > CommunityService.MaxTitle))
        {
            var message = title is null ? Texts.Get("Community_Error_TitleRequired") : Texts.Format("Wish_Error_TooLong", CommunityService.MaxTitle);
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["Title"] = message });
        }

        var (format, refusal) = DocumentInspector.Inspect(content);
        if (format is not { } kind)
        {
            return OperationResult.Invalid(refusal!, new Dictionary<string, string> { ["File"] = refusal! });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (document is null)
        {
            document = new ProductDocument
            {
                ProductId = input.ProductId, Title = title!, Category = input.Category, Visibility = input.Visibility,
                SuppliersMayRead = input.Visibility == ItemVisibility.CoOwners && input.SuppliersMayRead, CreatedByUserId = userId, CreatedAt = now,
            };
            db.ProductDocuments.Add(document);
        }

        var stored = new StoredFile { Key = $"document/{Guid.NewGuid():N}", ContentType = DocumentInspector.ContentType(kind), Content = content, UploadedAt = now, UploadedByUserId = userId };
        db.StoredFiles.Add(stored);
        // The name is the user's, but the extension is the one the content proved.
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? "")).Trim();
        document.Versions.Add(new DocumentVersion
        {
            Number = document.Versions.Count == 0 ? 1 : document.Versions.Max(v => v.Number) + 1,
            FileName = (name.Length == 0 ? "dokument" : name[..Math.Min(name.Length, 200)]) + DocumentInspector.Extension(kind),
            ContentType = stored.ContentType, Size = content.Length, UploadedByUserId = userId, UploadedAt = now,
        });
        await db.SaveChangesAsync(ct);
        document.Versions[^1].StoredFileId = stored.Id;
        await db.SaveChangesAsync(ct);
        if (followers is not null)
        {
            var slug = await db.Products.Where(p => p.Id == document.ProductId).Select(p => p.Slug).SingleAsync(ct);
            await followers.PublishedAsync(new Following.FollowedItem(FollowTopics.Documents, document.ProductId, document.Visibility, document.SuppliersMayRead,
                "Follow_Notice_Document", document.Title, $"/produkter/{slug}/dokumenter#dokument-{document.Id}", userId), ct);
        }

        return OperationResult.Ok(document.Versions[^1].Id);
    }

    /// <summary>The secretariat removes a version's file (personal data it should not hold); the version stays listed with the note.</summary>
    public async Task<OperationResult> RemoveVersionAsync(string userId, int versionId, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await AccessService.ForAsync(db, userId, ct)).IsSecretariat)
        {
            return OperationResult.Denied;
        }

        if (await db.DocumentVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.RemovedAt == null, ct) is not { } version)
        {
            return OperationResult.NotFound;
        }

        var clean = InputRules.Clean(note);
        if (clean is null || clean.Length > 500)
        {
            var message = clean is null ? Texts.Get("Documents_Error_NoteRequired") : Texts.Format("Wish_Error_TooLong", 500);
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["Note"] = message });
        }

        if (version.StoredFileId is { } fileId)
        {
            await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        }

        (version.StoredFileId, version.RemovedAt, version.RemovedNote) = (null, clock.GetUtcNow().UtcDateTime, clean);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>A version's file for the reader, decided on the server at every download: Denied says nothing of what it is.</summary>
    public async Task<Read<DocumentFile>> DownloadAsync(string? userId, string slug, int versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.DocumentVersions.AsNoTracking().Include(v => v.Document).ThenInclude(d => d!.Product)
            .FirstOrDefaultAsync(v => v.Id == versionId && v.Document!.Product!.Slug == slug, ct);
        if (version is null)
        {
            return Read.NotFound<DocumentFile>();
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        if (!await CommunityService.MayReadAsync(db, access, version.Document!.ProductId, version.Document.Visibility, version.Document.SuppliersMayRead, Today(), ct))
        {
            return Read.Denied<DocumentFile>();
        }

        var content = version.StoredFileId is { } fileId ? await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.Content).FirstOrDefaultAsync(ct) : null;
        return content is null ? Read.NotFound<DocumentFile>() : Read.Ok(new DocumentFile(version.FileName, version.ContentType, content));
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
