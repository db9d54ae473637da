using System.Linq.Expressions;

namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// A row that holds for a period: memberships and supplier roles, seats in a working group, contact roles. The start
/// is the first day (unknown: it always held); the end is the first day it no longer holds (none: open).
/// </summary>
public interface IDated
{
    DateOnly? StartDate { get; }
    DateOnly? EndDate { get; }
}

/// <summary>The one definition of "current" and "not yet ended" for every dated row, in queries and in memory.</summary>
public static class Dated
{
    /// <summary>Started (or start unknown) and not yet ended on the day.</summary>
    public static Expression<Func<T, bool>> CurrentOn<T>(DateOnly day) where T : IDated =>
        x => (x.StartDate == null || x.StartDate <= day) && (x.EndDate == null || x.EndDate > day);

    /// <summary>Not ended on the day: current, or yet to start.</summary>
    public static Expression<Func<T, bool>> NotEndedOn<T>(DateOnly day) where T : IDated =>
        x => x.EndDate == null || x.EndDate > day;

    /// <summary>Current on the day and of the kind, as one expression EF can use inside a Count or Any.</summary>
    public static Expression<Func<Participation, bool>> CurrentOn(DateOnly day, ParticipationKind kind)
    {
        Expression<Func<Participation, bool>> ofKind = x => x.Kind == kind;
        var current = CurrentOn<Participation>(day);
        var body = new Rebind(current.Parameters[0], ofKind.Parameters[0]).Visit(current.Body);
        return Expression.Lambda<Func<Participation, bool>>(Expression.AndAlso(ofKind.Body, body), ofKind.Parameters);
    }

    public static bool IsCurrentOn(this IDated x, DateOnly day) => x is not null && x.StartsBy(day) && EndsAfter(x.EndDate, day);

    public static bool IsNotEndedOn(this IDated x, DateOnly day) => x is not null && EndsAfter(x.EndDate, day);

    /// <summary>Whether a period with this end still holds on the day, for a period not yet saved.</summary>
    public static bool EndsAfter(DateOnly? end, DateOnly day) => end is null || end > day;

    private static bool StartsBy(this IDated x, DateOnly day) => x.StartDate is null || x.StartDate <= day;

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
