using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features;

/// <summary>The one rule every dated period in the hub follows (roles, seats, memberships, engagements), and its message.</summary>
public static class Periods
{
    public static string EndBeforeStart => Texts.Get("Common_Error_EndBeforeStart");

    /// <summary>An end on or before the start; an open end or an unknown start is never backwards.</summary>
    public static bool Backwards(DateOnly? start, DateOnly? end) => start is not null && end is not null && end <= start;
}
