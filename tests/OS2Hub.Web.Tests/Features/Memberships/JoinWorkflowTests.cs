using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Memberships;

/// <summary>Each transition of the join workflow, and the transitions that must be refused.</summary>
public sealed class JoinWorkflowTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JoinRequest> Request(int id)
    {
        await using var db = _db.CreateDbContext();
        return await db.JoinRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    private async Task<List<Participation>> Memberships(WorkflowWorld w, string organisation, string product)
    {
        await using var db = _db.CreateDbContext();
        return await db.Participations.AsNoTracking()
            .Where(x => x.Kind == ParticipationKind.Member && x.OrganisationId == w.Organisations[organisation] && x.ProductId == w.Products[product])
            .ToListAsync(Ct);
    }

    [Fact]
    public async Task RequestCreatesAnOpenRequestAndLogsIt()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma") with { Comment = " Vi vil gerne med " }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var request = await Request(result.Id!.Value);
        Assert.Equal(JoinRequestStatus.Pending, request.Status);
        Assert.Equal("Vi vil gerne med", request.Comment);
        Assert.False(request.AgreementPresented);
        await using var db = _db.CreateDbContext();
        var logged = await db.MembershipEvents.SingleAsync(e => e.JoinRequestId == request.Id, Ct);
        Assert.Equal(MembershipAction.Requested, logged.Action);
        Assert.Equal("it-frederikshavn", logged.UserId);
    }

    [Fact]
    public async Task RequesterAndDecidersAreNotifiedInAppAndByEmailAtEachStep()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var request = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Alfa") with { }, Ct);
        await w.Service.RejectAsync("pk-alfa", w.Requests["København→Alfa"], "Ikke i år", Ct);

        Assert.Equal(OperationOutcome.Invalid, request.Outcome); // already a member: no step, no notification
        await using var db = _db.CreateDbContext();
        var notes = await db.Notifications.AsNoTracking().OrderBy(n => n.UserId).ToListAsync(Ct);
        // The rejection of København's request reaches the secretariat and Alfa's produktkoordinator (deciders) and the requester.
        Assert.Equal(["pk-alfa", "sekretariat"], notes.Select(n => n.UserId).Distinct().Order());
        Assert.All(notes, n => Assert.Equal("Københavns Kommunes anmodning om at tilslutte sig Alfa er afvist. Begrundelse: Ikke i år", Notifier.Render(n)));
        Assert.Equal(["pk-alfa@example.dk", "sekretariat@example.dk"], w.Email.Sent.Select(m => m.Recipient).Order());
    }

    [Fact]
    public async Task ANotificationIsStoredByKeyAndReadInTheReadersLanguageAndEMailsFollowEachRecipientsChoice()
    {
        // Arrange: Frederikshavn's IT-koordinator chose English; the secretariat never chose.
        var w = await WorkflowWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == "it-frederikshavn").ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "en"), Ct);
        }

        // Act
        await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma"), Ct);

        // Assert: the stored notification holds no finished sentence, only a key and its arguments.
        await using var check = _db.CreateDbContext();
        var note = await check.Notifications.AsNoTracking().FirstAsync(n => n.UserId == "sekretariat", Ct);
        Assert.Null(note.Text);
        Assert.Equal("Notification_Requested", note.TextKey);
        Assert.Equal("Frederikshavn Kommune har anmodet om at tilslutte sig Gamma fra 01.01.2027.", Notifier.Render(note));
        using (Texts.In("en"))
        {
            Assert.Equal("Frederikshavn Kommune has asked to join Gamma from 1/1/2027.", Notifier.Render(note));
        }

        var english = Assert.Single(w.Email.Sent, m => m.Recipient == "it-frederikshavn@example.dk");
        var danish = Assert.Single(w.Email.Sent, m => m.Recipient == "sekretariat@example.dk");
        Assert.StartsWith("Frederikshavn Kommune has asked to join Gamma", english.Text, StringComparison.Ordinal);
        Assert.Contains("Kind regards", english.Text, StringComparison.Ordinal);
        Assert.StartsWith("Frederikshavn Kommune har anmodet om at tilslutte sig Gamma", danish.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceAnswersAnEnglishUserInEnglish()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        OperationResult result;
        using (Texts.In("en"))
        {
            result = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma") with { ContactName = " " }, Ct);
        }

        Assert.Equal("The request has not been sent. Correct the fields marked below.", result.Message);
        Assert.Equal("Give a contact person for the product.", result.FieldErrors!["ContactName"]);
    }

    [Fact]
    public async Task AJoinRequestNotifiesTheDecidersAndTheRequestingAuthority()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma"), Ct);

        await using var db = _db.CreateDbContext();
        var notes = await db.Notifications.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(["it-frederikshavn", "sekretariat"], notes.Select(n => n.UserId).Order());
        Assert.Equal("/anmodninger", notes.Single(n => n.UserId == "sekretariat").Link);
        Assert.Equal("/mine-anmodninger", notes.Single(n => n.UserId == "it-frederikshavn").Link);
        Assert.Equal(2, w.Email.Sent.Count);
        Assert.Contains("Frederikshavn Kommune har anmodet om at tilslutte sig Gamma fra 01.01.2027.", w.Email.Sent.First().Text, StringComparison.Ordinal);
        // An e-mail is read outside the hub: its link is absolute, on the hub's public address.
        Assert.Contains(w.Email.Sent, m => m.Text.Contains("https://os2hub.example/anmodninger", StringComparison.Ordinal));
        Assert.Contains(w.Email.Sent, m => m.Text.Contains("https://os2hub.example/mine-anmodninger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidInputIsRefusedWithDanishMessagesPerField()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            var gamma = await db.Products.SingleAsync(p => p.Name == "Gamma", Ct);
            gamma.JoinAgreementUrl = "https://os2.eu/aftale.pdf";
            await db.SaveChangesAsync(Ct);
        }

        var result = await w.Service.RequestAsync("it-frederikshavn",
            w.Input("Frederikshavn", "Gamma") with { ContactName = " ", IntendedStart = WorkflowWorld.Today.AddDays(-1), Comment = new string('x', 2001) }, Ct);

        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
        Assert.Equal("Angiv en kontaktperson for produktet.", result.FieldErrors!["ContactName"]);
        Assert.Equal("Startdatoen kan ikke ligge før i dag.", result.FieldErrors["IntendedStart"]);
        Assert.Contains("2000 tegn", result.FieldErrors["Comment"], StringComparison.Ordinal);
        Assert.Equal("Bekræft at myndigheden accepterer produktets tilslutningsaftale.", result.FieldErrors["AcceptsAgreement"]);
        await using var check = _db.CreateDbContext();
        Assert.False(await check.JoinRequests.AnyAsync(r => r.ProductId == w.Products["Gamma"], Ct));
    }

    [Fact]
    public async Task JoiningTwiceIsRefused()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var alreadyOpen = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Beta"), Ct);
        var alreadyMember = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Alfa"), Ct);

        Assert.Equal(OperationOutcome.Conflict, alreadyOpen.Outcome);
        Assert.Equal("Der er allerede en åben anmodning fra Frederikshavn Kommune om at tilslutte sig Beta.", alreadyOpen.Message);
        Assert.Equal(OperationOutcome.Invalid, alreadyMember.Outcome);
        Assert.Equal("Frederikshavn Kommune er allerede medejer af Alfa.", alreadyMember.Message);
    }

    [Fact]
    public async Task ApprovalMakesTheAuthorityACoOwnerFromTheStartDate()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await w.Service.ApproveAsync("pk-alfa", w.Requests["København→Alfa"], "Tilslutningsaftale 2027-01", new DateOnly(2027, 1, 1), Ct);

        Assert.True(result.Succeeded, result.Message);
        var request = await Request(w.Requests["København→Alfa"]);
        Assert.Equal(JoinRequestStatus.Approved, request.Status);
        Assert.Equal("pk-alfa", request.DecidedByUserId);
        var membership = Assert.Single(await Memberships(w, "København", "Alfa"));
        Assert.Equal(new DateOnly(2027, 1, 1), membership.StartDate);
        Assert.Null(membership.EndDate);
    }

    [Fact]
    public async Task RejectionNeedsAReasonAndKeepsIt()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var noReason = await w.Service.RejectAsync("sekretariat", w.Requests["Frederikshavn→Beta"], "  ", Ct);
        var rejected = await w.Service.RejectAsync("sekretariat", w.Requests["Frederikshavn→Beta"], "Produktet tager ikke nye medlemmer før 2028.", Ct);

        Assert.Equal(OperationOutcome.Invalid, noReason.Outcome);
        Assert.True(rejected.Succeeded);
        var request = await Request(w.Requests["Frederikshavn→Beta"]);
        Assert.Equal(JoinRequestStatus.Rejected, request.Status);
        Assert.Equal("Produktet tager ikke nye medlemmer før 2028.", request.DecisionReason);
        Assert.Empty(await Memberships(w, "Frederikshavn", "Beta"));
    }

    [Fact]
    public async Task AWithdrawnRequestCannotBeApprovedOrWithdrawnAgain()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var id = w.Requests["Frederikshavn→Beta"];

        var withdrawn = await w.Service.WithdrawAsync("it-frederikshavn", id, Ct);
        var approve = await w.Service.ApproveAsync("sekretariat", id, null, new DateOnly(2027, 1, 1), Ct);
        var again = await w.Service.WithdrawAsync("it-frederikshavn", id, Ct);

        Assert.True(withdrawn.Succeeded);
        Assert.Equal(OperationOutcome.Conflict, approve.Outcome);
        Assert.Equal(OperationOutcome.Conflict, again.Outcome);
        Assert.Equal(JoinRequestStatus.Withdrawn, (await Request(id)).Status);
        Assert.Empty(await Memberships(w, "Frederikshavn", "Beta"));
    }

    [Fact]
    public async Task AfterWithdrawingANewRequestCanBeMade()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        await w.Service.WithdrawAsync("it-frederikshavn", w.Requests["Frederikshavn→Beta"], Ct);
        var again = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Beta"), Ct);

        Assert.True(again.Succeeded, again.Message);
    }

    [Fact]
    public async Task LeavingClosesTheMembershipAndKeepsItsHistory()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var left = await w.Service.LeaveAsync("it-frederikshavn", w.Products["Alfa"], w.Organisations["Frederikshavn"], new DateOnly(2026, 12, 31), Ct);
        var notMember = await w.Service.LeaveAsync("it-frederikshavn", w.Products["Gamma"], w.Organisations["Frederikshavn"], new DateOnly(2026, 12, 31), Ct);

        Assert.True(left.Succeeded);
        var membership = Assert.Single(await Memberships(w, "Frederikshavn", "Alfa"));
        Assert.Equal(new DateOnly(2026, 12, 31), membership.EndDate);
        Assert.Equal(OperationOutcome.Invalid, notMember.Outcome);
        Assert.Equal("Myndigheden er ikke medejer af produktet.", notMember.Message);
    }

    [Fact]
    public async Task AnAuthorityThatLeftCanJoinAgainAfterItsEndDate()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await w.Service.LeaveAsync("it-frederikshavn", w.Products["Alfa"], w.Organisations["Frederikshavn"], new DateOnly(2026, 11, 1), Ct);

        var request = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Alfa"), Ct);
        var approved = await w.Service.ApproveAsync("pk-alfa", request.Id!.Value, null, new DateOnly(2027, 1, 1), Ct);

        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(2, (await Memberships(w, "Frederikshavn", "Alfa")).Count);
    }
}

public sealed class MembershipQueryTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task OnlyTheSecretariatSeesTheLogAndDecidersSeeOnlyTheirRequests()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var ct = TestContext.Current.CancellationToken;
        await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma"), ct);
        var queries = new MembershipQueries(_db, FixedClock.Default);

        Assert.Null(await queries.LogAsync("pk-alfa", ct: ct));
        Assert.Null(await queries.LogAsync("it-frederikshavn", ct: ct));
        Assert.Single((await queries.LogAsync("sekretariat", ct: ct))!);
        Assert.Equal(["Københavns Kommune"], (await queries.ToDecideAsync("pk-alfa", ct)).Select(r => r.OrganisationName));
        Assert.Equal(4, (await queries.ToDecideAsync("sekretariat", ct)).Count);
        Assert.Empty(await queries.ToDecideAsync("leverandoer", ct));
        Assert.Equal(["Gamma", "Beta"], (await queries.MineAsync("it-frederikshavn", ct)).Select(r => r.ProductName));
        Assert.Equal(["Alfa"], (await queries.MyMembershipsAsync("it-frederikshavn", ct)).Select(m => m.ProductName));
    }
}
