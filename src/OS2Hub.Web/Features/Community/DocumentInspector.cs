using System.IO.Compression;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Community;

/// <summary>The kinds of document the hub keeps, with the content type it serves them as.</summary>
public enum DocumentFileKind
{
    Pdf,
    Docx,
    Xlsx,
    Odt,
    Ods,
}

/// <summary>
/// Decides what an uploaded file is by its bytes, never by its name: a PDF starts with "%PDF-"; Office Open XML and
/// OpenDocument are ZIP packages whose parts say what they are. Macro-enabled packages and the legacy binary Office
/// formats are refused with the reason, as is anything else.
/// </summary>
public static class DocumentInspector
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> LegacyOffice => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string ContentType(DocumentFileKind format) => format switch
    {
        DocumentFileKind.Pdf => "application/pdf",
        DocumentFileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentFileKind.Odt => "application/vnd.oasis.opendocument.text",
        _ => "application/vnd.oasis.opendocument.spreadsheet",
    };

    public static string Extension(DocumentFileKind format) => "." + format.ToString().ToLowerInvariant();

    /// <summary>The format, or a refusal in the reader's language.</summary>
    public static (DocumentFileKind? Format, string? Refusal) Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            return (null, Texts.Format("Documents_Error_Size", MaxBytes / 1024 / 1024));
        }

        var head = content.AsSpan();
        if (head.StartsWith(Pdf))
        {
            return (DocumentFileKind.Pdf, null);
        }

        if (head.StartsWith(LegacyOffice))
        {
            return (null, Texts.Get("Documents_Error_Legacy"));
        }

        return head.StartsWith(Zip) ? Package(content) : (null, Texts.Get("Documents_Error_Type"));
    }

    private static (DocumentFileKind?, string?) Package(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => (DocumentFileKind.Odt, null),
                    "application/vnd.oasis.opendocument.spreadsheet" => (DocumentFileKind.Ods, null),
                    _ => (null, Texts.Get("Documents_Error_Type")),
                };
            }

            if (zip.GetEntry("[Content_Types].xml") is not { } types)
            {
                return (null, Texts.Get("Documents_Error_Type"));
            }

            string declared;
            using (var reader = new StreamReader(types.Open()))
            {
                declared = reader.ReadToEnd();
            }

            if (declared.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                || zip.Entries.Any(e => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return (null, Texts.Get("Documents_Error_Macro"));
            }

            return zip.GetEntry("word/document.xml") is not null ? (DocumentFileKind.Docx, null)
                : zip.GetEntry("xl/workbook.xml") is not null ? (DocumentFileKind.Xlsx, null)
                : (null, Texts.Get("Documents_Error_Type"));
        }
        catch (InvalidDataException)
        {
            return (null, Texts.Get("Documents_Error_Type"));
        }
    }
}
