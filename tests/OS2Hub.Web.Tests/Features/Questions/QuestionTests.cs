using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Questions;
using OS2Hub.Web.Features.Search;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Questions;

/// <summary>
/// Who reads a thread, as a literal table, and whether they see the people or only the organisations; the asker's
/// rights over its own thread; moderation that leaves a note; and what the feeds and the search let out.
/// </summary>
public sealed class QuestionTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string?, string, string> Reads => new()
    {
        // user                        thread              reads
        { null,                        "Alfa/lukket",      "nej" },
        { null,                        "Alfa/offentlig",   "uden navne" },  // anonymous: the organisations, never the people
        { null,                        "Beta/lukket",      "nej" },
        { "uden-rolle",                "Alfa/lukket",      "nej" },
        { "uden-rolle",                "Alfa/offentlig",   "uden navne" },
        { "medarbejder-frederikshavn", "Alfa/lukket",      "med navne" },   // Frederikshavn co-owns Alfa
        { "medarbejder-frederikshavn", "Alfa/offentlig",   "med navne" },
        { "medarbejder-frederikshavn", "Beta/lukket",      "nej" },         // but not Beta: an outsider
        { "it-frederikshavn",          "Alfa/lukket",      "med navne" },
        { "it-frederikshavn",          "Beta/lukket",      "nej" },
        { "medarbejder-helsingoer",    "Alfa/lukket",      "med navne" },
        { "leverandoer",               "Alfa/lukket",      "med navne" },   // the product's supplier answers, so it reads
        { "leverandoer",               "Beta/lukket",      "nej" },
        { "pk-alfa",                   "Alfa/lukket",      "med navne" },
        { "pk-alfa",                   "Beta/lukket",      "nej" },
        { "sekretariat",               "Beta/lukket",      "med navne" },
        { "sekr-uden-totrin",          "Alfa/lukket",      "nej" },         // the grant waits for a second factor
        { "sekr-uden-totrin",          "Alfa/offentlig",   "uden navne" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AThreadIsReadOnlyByThoseTheTableNames(string? user, string thread, string reads)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var threads = await QuestionWorld.SeedAsync(_db, w);
        var service = QuestionWorld.Service(_db);

        var view = await service.ThreadAsync(user, thread.Split('/')[0].ToLowerInvariant(), threads[thread], Ct);
        var listed = (await service.ListAsync(user, null, null, Ct))!.Threads.Any(t => t.Id == threads[thread]);
        var found = (await new SearchService(_db, FixedClock.Default).SearchAsync(user, view?.Title ?? await TitleAsync(threads[thread]), Ct))
            .Any(g => g.Kind == SearchKind.Questions && g.Hits.Any(h => h.Path.EndsWith($"/{threads[thread]}", StringComparison.Ordinal)));

        var seen = view is null ? "nej" : view.Question.Person is null && view.Answers.All(a => a.Person is null) ? "uden navne" : "med navne";
        Assert.Equal(reads, seen);
        Assert.Equal(reads != "nej", listed);
        Assert.Equal(reads != "nej", found);
    }

    [Fact]
    public async Task TheAskerReadsAndFollowsUpOnItsOwnThreadAsAnOutsiderButSeesNoNames()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await QuestionWorld.SeedAsync(_db, w);
        var service = QuestionWorld.Service(_db);

        var asked = await service.AskAsync("medarbejder-frederikshavn", new QuestionInput { ProductId = w.Products["Beta"], Title = "Overvejer Beta", Text = "Hvordan er driften?" }, Ct);
        var answered = await service.AnswerAsync("sekretariat", asked.Id!.Value, "Stabil.", Ct);
        var view = await service.ThreadAsync("medarbejder-frederikshavn", "beta", asked.Id.Value, Ct);
        var followUp = await service.AnswerAsync("medarbejder-frederikshavn", asked.Id.Value, "Tak!", Ct);
        var colleague = await service.ThreadAsync("it-frederikshavn", "beta", asked.Id.Value, Ct);

        Assert.True(answered.Succeeded);
        Assert.NotNull(view);
        Assert.True(view.IsAsker);
        Assert.Equal("Frederikshavn Kommune", view.Question.Organisation);
        Assert.Equal("OS2-sekretariatet", view.Answers[0].Organisation);
        Assert.Null(view.Answers[0].Person);
        Assert.True(followUp.Succeeded);
        Assert.Null(colleague); // a colleague who is not the asker is still an outsider to Beta
        await using var db = _db.CreateDbContext();
        Assert.Contains(await db.Notifications.Where(n => n.UserId == "medarbejder-frederikshavn").Select(n => n.TextKey).ToListAsync(Ct), k => k == "Question_Notice_Answered");
    }

    [Fact]
    public async Task APublicThreadReachesTheFeedsWithTheOrganisationAndNoPersonAndAClosedOneNever()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await QuestionWorld.SeedAsync(_db, w);
        var community = new CommunityService(_db, FixedClock.Default);

        var feed = (await community.FeedAsync("alfa", 50, Ct))!.Concat((await community.FeedAsync(null, 50, Ct))!).ToList();

        var open = Assert.Single(feed.Where(i => i.Kind == "question").DistinctBy(i => i.Id));
        Assert.Equal("Spørgsmål: Hvor finder vi driftsvejledningen?", open.Title);
        Assert.Equal("Frederikshavn Kommune", open.Author);
        Assert.DoesNotContain(feed, i => (i.Title + i.Summary + i.Author).Contains("medarbejder", StringComparison.OrdinalIgnoreCase)
            || (i.Title + i.Summary + i.Author).Contains("it-frederikshavn", StringComparison.Ordinal) || i.Title.Contains("KMD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyTheAskerMarksTheAnswerThatHelpedAndOpensTheThread()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var threads = await QuestionWorld.SeedAsync(_db, w);
        var service = QuestionWorld.Service(_db);

        var accepted = await service.AcceptAsync("medarbejder-frederikshavn", threads["Alfa/egen"], threads["Alfa/egen/svar"], Ct);
        var wrongThread = await service.AcceptAsync("medarbejder-frederikshavn", threads["Alfa/egen"], threads["Alfa/lukket/svar"], Ct);
        var opened = await service.SetPublicAsync("medarbejder-frederikshavn", threads["Alfa/egen"], true, Ct);
        var anonymous = await service.ThreadAsync(null, "alfa", threads["Alfa/egen"], Ct);

        Assert.True(accepted.Succeeded);
        Assert.Equal(OperationOutcome.Denied, wrongThread.Outcome); // an answer from another thread
        Assert.True(opened.Succeeded);
        Assert.NotNull(anonymous);
        Assert.Equal(threads["Alfa/egen/svar"], anonymous.AcceptedAnswerId);
        Assert.Equal("Helsingør Kommune", anonymous.Answers[0].Organisation);
        Assert.Null(anonymous.Answers[0].Person);
    }

    [Fact]
    public async Task AHiddenPostKeepsANoteAndOnlyTheModeratorAndTheAskerStillSeeTheThread()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var threads = await QuestionWorld.SeedAsync(_db, w);
        var service = QuestionWorld.Service(_db);

        var hidden = await service.ModerateAsync("pk-alfa", threads["Alfa/lukket"], null, Moderation.Hidden, "Hører ikke hjemme her", null, Ct);
        var redacted = await service.ModerateAsync("sekretariat", threads["Alfa/egen"], threads["Alfa/egen/svar"], Moderation.Redacted, "Personoplysninger fjernet",
            "Det gør vi i Helsingør (navn fjernet).", Ct);

        Assert.True(hidden.Succeeded);
        Assert.True(redacted.Succeeded);
        Assert.Null(await service.ThreadAsync("it-frederikshavn", "alfa", threads["Alfa/lukket"], Ct));
        var asker = (await service.ThreadAsync("medarbejder-helsingoer", "alfa", threads["Alfa/lukket"], Ct))!;
        Assert.Null(asker.Question.Text);
        Assert.Equal((Moderation.Hidden, "Hører ikke hjemme her"), (asker.Question.Moderation, asker.Question.ModerationNote));
        Assert.False(asker.MayAnswer);
        var moderator = (await service.ThreadAsync("pk-alfa", "alfa", threads["Alfa/lukket"], Ct))!;
        Assert.NotNull(moderator.Question.Text);
        var answer = (await service.ThreadAsync("medarbejder-frederikshavn", "alfa", threads["Alfa/egen"], Ct))!.Answers[0];
        Assert.Equal(("Det gør vi i Helsingør (navn fjernet).", Moderation.Redacted, "Personoplysninger fjernet"), (answer.Text, answer.Moderation, answer.ModerationNote));
    }

    [Fact]
    public async Task BadInputIsRefusedInDanishAndNothingIsSaved()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var threads = await QuestionWorld.SeedAsync(_db, w);
        var service = QuestionWorld.Service(_db);
        await using var before = _db.CreateDbContext();
        var counts = (await before.Questions.CountAsync(Ct), await before.QuestionAnswers.CountAsync(Ct));

        var noTitle = await service.AskAsync("medarbejder-frederikshavn", new QuestionInput { ProductId = w.Products["Alfa"], Title = "  ", Text = "Noget" }, Ct);
        var tooLong = await service.AskAsync("medarbejder-frederikshavn", new QuestionInput { ProductId = w.Products["Alfa"], Title = new string('x', 201), Text = "Noget" }, Ct);
        var noAnswer = await service.AnswerAsync("medarbejder-frederikshavn", threads["Alfa/lukket"], "", Ct);
        var noReason = await service.ModerateAsync("pk-alfa", threads["Alfa/lukket"], null, Moderation.Hidden, " ", null, Ct);

        Assert.Equal((OperationOutcome.Invalid, "Skriv spørgsmålet."), (noTitle.Outcome, noTitle.FieldErrors![nameof(QuestionInput.Title)]));
        Assert.Equal("Højst 200 tegn.", tooLong.FieldErrors![nameof(QuestionInput.Title)]);
        Assert.Equal((OperationOutcome.Invalid, "Skriv dit svar."), (noAnswer.Outcome, noAnswer.Message));
        Assert.Equal("Skriv en begrundelse. Den vises ved indlægget.", noReason.FieldErrors!["Reason"]);
        await using var after = _db.CreateDbContext();
        Assert.Equal(counts, (await after.Questions.CountAsync(Ct), await after.QuestionAnswers.CountAsync(Ct)));
        Assert.Equal(Moderation.None, await after.Questions.Where(q => q.Id == threads["Alfa/lukket"]).Select(q => q.Moderation).SingleAsync(Ct));
    }

    [Fact]
    public async Task TheSearchFoldsDanishAndFindsAnAnswersWords()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var threads = await QuestionWorld.SeedAsync(_db, w);
        var service = QuestionWorld.Service(_db);

        var byAnswer = (await service.ListAsync("it-frederikshavn", "alfa", "helsingoer", Ct))!.Threads;   // "Helsingør" in an answer
        var none = (await service.ListAsync("it-frederikshavn", "alfa", "ingen-traef", Ct))!.Threads;

        Assert.Equal([threads["Alfa/egen"]], byAnswer.Select(t => t.Id));
        Assert.Empty(none);
    }

    private async Task<string> TitleAsync(int id)
    {
        await using var db = _db.CreateDbContext();
        return await db.Questions.Where(q => q.Id == id).Select(q => q.Title).SingleAsync(Ct);
    }
}
