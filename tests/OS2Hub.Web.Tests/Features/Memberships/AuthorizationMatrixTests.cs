using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Memberships;

/// <summary>
/// Who may do what, written out row by row. Each row drives the real service on the world of
/// <see cref="WorkflowWorld"/>. An allowed row checks that the change happened; a denied row checks that it was
/// refused and that nothing in the database changed. The expectations are literals, not derived from the code.
/// </summary>
public sealed class AuthorizationMatrixTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    public static TheoryData<string, string, string, bool> Matrix => new()
    {
        // user                action      target                          allowed
        { "it-frederikshavn",  "request",  "Frederikshavn→Gamma",          true },   // own authority
        { "it-frederikshavn",  "request",  "Helsingør→Gamma",              false },  // other authority
        { "it-frederikshavn",  "withdraw", "Frederikshavn→Beta",           true },
        { "it-frederikshavn",  "withdraw", "Helsingør→Beta",               false },
        { "it-frederikshavn",  "approve",  "København→Alfa",               false },
        { "it-frederikshavn",  "reject",   "København→Alfa",               false },
        { "it-frederikshavn",  "leave",    "Frederikshavn/Alfa",           true },
        { "it-frederikshavn",  "leave",    "Helsingør/Alfa",               false },
        { "it-frederikshavn",  "agreement", "Alfa",                        false },

        { "pk-alfa",           "approve",  "København→Alfa",               true },   // own product
        { "pk-alfa",           "approve",  "Frederikshavn→Beta",           false },  // other product
        { "pk-alfa",           "reject",   "København→Alfa",               true },
        { "pk-alfa",           "reject",   "Helsingør→Beta",               false },
        { "pk-alfa",           "request",  "Frederikshavn→Gamma",          false },
        { "pk-alfa",           "withdraw", "København→Alfa",               false },  // decides, but does not act for the authority
        { "pk-alfa",           "leave",    "Frederikshavn/Alfa",           false },
        { "pk-alfa",           "agreement", "Alfa",                        true },
        { "pk-alfa",           "agreement", "Beta",                        false },

        { "sekretariat",       "request",  "Helsingør→Gamma",              true },
        { "sekretariat",       "withdraw", "Helsingør→Beta",               true },
        { "sekretariat",       "approve",  "Frederikshavn→Beta",           true },
        { "sekretariat",       "reject",   "København→Alfa",               true },
        { "sekretariat",       "leave",    "Helsingør/Alfa",               true },
        { "sekretariat",       "agreement", "Gamma",                       true },

        { "leverandoer",       "request",  "Frederikshavn→Gamma",          false },
        { "leverandoer",       "withdraw", "Frederikshavn→Beta",           false },
        { "leverandoer",       "approve",  "København→Alfa",               false },  // supplier on Alfa, still decides nothing
        { "leverandoer",       "reject",   "København→Alfa",               false },
        { "leverandoer",       "leave",    "Frederikshavn/Alfa",           false },
        { "leverandoer",       "agreement", "Alfa",                        false },

        { "uden-rolle",        "request",  "Frederikshavn→Gamma",          false },
        { "uden-rolle",        "withdraw", "Frederikshavn→Beta",           false },
        { "uden-rolle",        "approve",  "København→Alfa",               false },
        { "uden-rolle",        "reject",   "København→Alfa",               false },
        { "uden-rolle",        "leave",    "Frederikshavn/Alfa",           false },
        { "uden-rolle",        "agreement", "Alfa",                        false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task ActionIsAllowedOnlyWhereTheTableSays(string user, string action, string target, bool allowed)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var before = await SnapshotAsync();

        var result = await RunAsync(w, user, action, target);

        var after = await SnapshotAsync();
        if (allowed)
        {
            Assert.True(result.Succeeded, $"{user} {action} {target}: {result.Outcome} {result.Message}");
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Equal(WorkflowOutcome.Denied, result.Outcome);
            Assert.Equal("Du har ikke adgang til at gøre dette.", result.Message);
            Assert.Equal(before, after);
        }
    }

    private static Task<WorkflowResult> RunAsync(WorkflowWorld w, string user, string action, string target)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (action)
        {
            case "request":
                var (org, product) = Split(target, '→');
                return w.Service.RequestAsync(user, w.Input(org, product), ct);
            case "withdraw":
                return w.Service.WithdrawAsync(user, w.Requests[target], ct);
            case "approve":
                return w.Service.ApproveAsync(user, w.Requests[target], "Aftale", new DateOnly(2027, 1, 1), ct);
            case "reject":
                return w.Service.RejectAsync(user, w.Requests[target], "Begrundelse", ct);
            case "leave":
                var (member, of) = Split(target, '/');
                return w.Service.LeaveAsync(user, w.Products[of], w.Organisations[member], new DateOnly(2026, 12, 31), ct);
            case "agreement":
                return w.Service.SetAgreementAsync(user, w.Products[target], "https://os2.eu/aftale.pdf", ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static (string, string) Split(string text, char separator)
    {
        var parts = text.Split(separator);
        return (parts[0], parts[1]);
    }

    /// <summary>Everything the workflow can change, as text, so "nothing changed" is one comparison.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _db.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var requests = await db.JoinRequests.OrderBy(r => r.Id)
            .Select(r => $"{r.Id}:{r.ProductId}:{r.OrganisationId}:{r.Status}:{r.DecidedByUserId}:{r.DecisionReason}").ToListAsync(ct);
        var memberships = await db.Participations.OrderBy(x => x.Id)
            .Select(x => $"{x.Id}:{x.ProductId}:{x.OrganisationId}:{x.Kind}:{x.StartDate}:{x.EndDate}").ToListAsync(ct);
        var events = await db.MembershipEvents.CountAsync(ct);
        var agreements = await db.Products.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.JoinAgreementUrl}").ToListAsync(ct);
        return string.Join("|", requests) + "#" + string.Join("|", memberships) + "#" + events + "#" + string.Join("|", agreements);
    }
}
