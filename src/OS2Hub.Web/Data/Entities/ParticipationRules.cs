using System.Linq.Expressions;

namespace OS2Hub.Web.Data.Entities;

/// <summary>The one definition of "current": started (or start unknown) and not yet ended. Used in every query.</summary>
public static class ParticipationRules
{
    public static Expression<Func<Participation, bool>> CurrentOn(DateOnly today, ParticipationKind kind) =>
        x => x.Kind == kind && (x.StartDate == null || x.StartDate <= today) && (x.EndDate == null || x.EndDate > today);

    public static bool IsCurrentOn(this Participation x, DateOnly today) =>
        (x.StartDate is null || x.StartDate <= today) && (x.EndDate is null || x.EndDate > today);
}
