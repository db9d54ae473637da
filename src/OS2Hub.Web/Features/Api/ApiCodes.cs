using System.Reflection;
using System.Text.Json.Serialization;

namespace OS2Hub.Web.Features.Api;

/// <summary>
/// The API's stable English codes for enum values, as <see cref="JsonStringEnumMemberNameAttribute"/> writes them in
/// responses; query parameters take the same codes, so what a client reads it can also filter by.
/// </summary>
public static class ApiCodes
{
    public static string Code<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();

    public static string List<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Code));

    /// <summary>The value whose code this is, in any letter case; null when there is none.</summary>
    public static T? Parse<T>(string? code) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Code(v!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
