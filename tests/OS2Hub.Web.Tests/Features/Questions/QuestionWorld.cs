using Microsoft.Extensions.Logging.Abstractions;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Following;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Questions;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Questions;

/// <summary>
/// Threads on the workflow world: "Alfa/lukket" asked by Helsingør's Medarbejder (co-owners only, one answer from
/// the supplier), "Alfa/egen" asked by Frederikshavn's Medarbejder (one answer from Helsingør's), "Alfa/offentlig"
/// asked by Frederikshavn's IT-koordinator and made public, and "Beta/lukket" asked by the secretariat on Beta,
/// which Frederikshavn does not co-own.
/// </summary>
public static class QuestionWorld
{
    public static FollowNotifier Followers(TestDatabase db, TimeProvider? clock = null) =>
        new(db, clock ?? FixedClock.Default, new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance), NullLogger<FollowNotifier>.Instance);

    public static QuestionService Service(TestDatabase db, TimeProvider? clock = null) => new(db, clock ?? FixedClock.Default, Followers(db, clock));

    public static async Task<Dictionary<string, int>> SeedAsync(TestDatabase db, WorkflowWorld w)
    {
        var ct = TestContext.Current.CancellationToken;
        var questions = Service(db);
        var threads = new Dictionary<string, int>();
        async Task<int> AskAsync(string user, string product, string title, bool isPublic)
        {
            var asked = await questions.AskAsync(user, new QuestionInput { ProductId = w.Products[product], Title = title, Text = $"Uddybning af {title}", IsPublic = isPublic }, ct);
            Assert.True(asked.Succeeded, asked.Message);
            return asked.Id!.Value;
        }

        threads["Alfa/lukket"] = await AskAsync("medarbejder-helsingoer", "Alfa", "Hvordan har I sat integrationen til KMD op?", false);
        threads["Alfa/lukket/svar"] = (await questions.AnswerAsync("leverandoer", threads["Alfa/lukket"], "Gennem OS2mo.", ct)).Id!.Value;
        threads["Alfa/egen"] = await AskAsync("medarbejder-frederikshavn", "Alfa", "Hvem bruger single sign-on?", false);
        threads["Alfa/egen/svar"] = (await questions.AnswerAsync("medarbejder-helsingoer", threads["Alfa/egen"], "Det gør vi i Helsingør.", ct)).Id!.Value;
        threads["Alfa/offentlig"] = await AskAsync("it-frederikshavn", "Alfa", "Hvor finder vi driftsvejledningen?", true);
        threads["Beta/lukket"] = await AskAsync("sekretariat", "Beta", "Hvem tester den nye version?", false);

        await using var context = db.CreateDbContext();
        foreach (var (key, organisation) in new[] { ("Frederikshavn/medarbejder", "Frederikshavn"), ("Helsingør/medarbejder", "Helsingør") })
        {
            threads[key] = context.Grants.Single(g => g.Role == GrantRole.Staff && g.OrganisationId == w.Organisations[organisation]).Id;
        }

        return threads;
    }
}
