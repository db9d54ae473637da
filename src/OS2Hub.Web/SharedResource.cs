namespace OS2Hub.Web;

/// <summary>Marker type for the UI texts in Resources/SharedResource.resx (Danish) and SharedResource.en.resx.</summary>
#pragma warning disable CA1812 // Only used as a type argument of IStringLocalizer<T>.
internal sealed class SharedResource;
#pragma warning restore CA1812
