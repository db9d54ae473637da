using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Account;

/// <summary>
/// Records every sign-in attempt in the database (user, method, outcome, time), never in the logs: the logs reach
/// people and systems the audit table does not. Nothing typed is stored: no e-mail, password or code.
/// </summary>
public sealed class SignInAudit(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string? userId, SignInMethod method, SignInOutcome outcome, string? provider = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SignInEvents.Add(new SignInEvent { UserId = userId, Method = method, Outcome = outcome, Provider = provider, At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    public static SignInOutcome OutcomeOf(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { Succeeded: true } => SignInOutcome.Succeeded,
            { RequiresTwoFactor: true } => SignInOutcome.SecondFactorRequired,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            _ => SignInOutcome.Failed,
        };
    }
}
