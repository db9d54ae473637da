using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Community;

/// <summary>Documents: the content decides what a file is; versions, removal with a note, and who downloads what.</summary>
public sealed class DocumentTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DocumentService Service() => new(_db, FixedClock.Default);

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A real DOCX, written by the Open XML SDK as Word would write it.</summary>
    public static byte[] Docx(bool macros = false)
    {
        using var buffer = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(buffer,
            macros ? DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument : DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Kommissorium")))));
        }

        return buffer.ToArray();
    }

    private static byte[] OpenDocumentText()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                writer.Write("application/vnd.oasis.opendocument.text");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
            {
                writer.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void TheContentDecidesNotTheName()
    {
        var executable = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 }.Concat(new byte[500]).ToArray(); // "MZ": a Windows program
        var legacy = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[500]).ToArray();

        Assert.Equal(DocumentFileKind.Pdf, DocumentInspector.Inspect(Pdf()).Format);
        Assert.Equal(DocumentFileKind.Docx, DocumentInspector.Inspect(Docx()).Format);
        Assert.Equal(DocumentFileKind.Odt, DocumentInspector.Inspect(OpenDocumentText()).Format);
        Assert.Equal("Filen er ikke en PDF-, Word-, Excel- eller OpenDocument-fil (det afgøres af indholdet, ikke af navnet).", DocumentInspector.Inspect(executable).Refusal);
        Assert.StartsWith("Filer med makroer (.docm, .xlsm) modtages ikke", DocumentInspector.Inspect(Docx(macros: true)).Refusal, StringComparison.Ordinal);
        Assert.StartsWith("De gamle Office-formater (.doc, .xls) modtages ikke", DocumentInspector.Inspect(legacy).Refusal, StringComparison.Ordinal);
        Assert.Equal("Filen må højst fylde 20 MB.", DocumentInspector.Inspect(new byte[DocumentInspector.MaxBytes + 1]).Refusal);
    }

    [Fact]
    public async Task ARenamedProgramIsRefusedAndARealFileGetsTheExtensionItsContentProves()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var program = new byte[] { 0x4D, 0x5A, 0x90, 0x00 }.Concat(new byte[100]).ToArray();

        var refused = await Service().UploadAsync("pk-alfa", new DocumentUpload { ProductId = w.Products["Alfa"], Title = "Referat" }, "referat.pdf", program, Ct);
        var accepted = await Service().UploadAsync("pk-alfa", new DocumentUpload { ProductId = w.Products["Alfa"], Title = "Kommissorium", Category = DocumentCategory.TermsOfReference }, "kommissorium.pdf", Docx(), Ct);

        Assert.Equal(OperationOutcome.Invalid, refused.Outcome);
        Assert.True(accepted.Succeeded, accepted.Message);
        await using var db = _db.CreateDbContext();
        var version = await db.DocumentVersions.SingleAsync(Ct);
        Assert.Equal("kommissorium.docx", version.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", version.ContentType);
        Assert.Equal(1, await db.ProductDocuments.CountAsync(Ct));
    }

    [Fact]
    public async Task VersionsAreKeptAndARemovedOneStaysListedWithItsNoteButNoFile()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var first = await Service().UploadAsync("pk-alfa", new DocumentUpload { ProductId = w.Products["Alfa"], Title = "Referat 1. møde", Category = DocumentCategory.Minutes }, "referat.pdf", Pdf(), Ct);
        int documentId;
        await using (var db = _db.CreateDbContext())
        {
            documentId = await db.ProductDocuments.Select(d => d.Id).SingleAsync(Ct);
        }

        var second = await Service().UploadAsync("pk-alfa", new DocumentUpload { ProductId = w.Products["Alfa"], DocumentId = documentId }, "referat-rettet.pdf", Pdf(), Ct);
        var noNote = await Service().RemoveVersionAsync("sekretariat", first.Id!.Value, " ", Ct);
        var notAllowed = await Service().RemoveVersionAsync("pk-alfa", first.Id!.Value, "Navne", Ct);
        var removed = await Service().RemoveVersionAsync("sekretariat", first.Id!.Value, "Indeholdt cpr-numre", Ct);

        Assert.True(second.Succeeded);
        Assert.Equal("Skriv, hvorfor filen fjernes; noten bliver stående.", noNote.Message);
        Assert.Equal(OperationOutcome.Denied, notAllowed.Outcome);
        Assert.True(removed.Succeeded);
        var list = (await Service().ListAsync(null, "alfa", Ct))!;
        var versions = Assert.Single(list.Documents).Versions;
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal("Indeholdt cpr-numre", versions[1].RemovedNote);
        Assert.Equal(OperationOutcome.NotFound, (await Service().DownloadAsync("sekretariat", "alfa", first.Id!.Value, Ct)).Outcome);
        Assert.True((await Service().DownloadAsync(null, "alfa", second.Id!.Value, Ct)).Found);
        await using var after = _db.CreateDbContext();
        Assert.Equal(1, await after.StoredFiles.CountAsync(f => f.Key.StartsWith("document/"), Ct));
    }

    public static TheoryData<string?, bool> CoOwnerDocumentReaders => new()
    {
        { null,               false },
        { "uden-rolle",       false },
        { "it-frederikshavn", true },   // Frederikshavn co-owns Alfa
        { "pk-alfa",          true },
        { "sekretariat",      true },
        { "leverandoer",      false },  // the document does not let suppliers read it
        { "it-koebenhavn",    false },  // an IT-koordinator, but København does not co-own Alfa
        { "sekr-uden-totrin", false },  // the secretariat grant waits for a second factor
    };

    [Theory]
    [MemberData(nameof(CoOwnerDocumentReaders))]
    public async Task ACoOwnersOnlyDocumentIsListedAndDownloadedOnlyByThoseTheTableNames(string? user, bool reads)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await CommunityWorld.SeedAsync(_db, w); // the table's other users
        var upload = await Service().UploadAsync("pk-alfa", new DocumentUpload { ProductId = w.Products["Alfa"], Title = "Fortroligt referat", Visibility = ItemVisibility.CoOwners }, "referat.pdf", Pdf(), Ct);

        var list = (await Service().ListAsync(user, "alfa", Ct))!;
        var download = await Service().DownloadAsync(user, "alfa", upload.Id!.Value, Ct);

        Assert.Equal(reads, list.Documents.Any(d => d.Title == "Fortroligt referat"));
        Assert.Equal(reads ? OperationOutcome.Ok : OperationOutcome.Denied, download.Outcome);
        Assert.Equal(reads, download.Value is not null);
    }
}
