using System.Text;

namespace OS2Hub.Web.Features;

/// <summary>Text files as offices save them.</summary>
public static class TextFiles
{
    static TextFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), otherwise Windows-1252 (what Danish Excel saves).</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.TrimStart('\uFEFF'), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }
    }
}
