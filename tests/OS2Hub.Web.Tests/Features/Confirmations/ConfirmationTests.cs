using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Confirmations;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Confirmations;

/// <summary>
/// The yearly confirmation round on the workflow's world: Frederikshavn (with an IT-koordinator) and Helsingør (without
/// one) co-own Alfa since 2020; Mette is Frederikshavn's contact for Alfa; Alfa has a supplier and two seats.
/// </summary>
public sealed class ConfirmationTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly RecordingEmailSender _email = new();
    private readonly EphemeralDataProtectionProvider _protection = new();
    private readonly MovingClock _clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConfirmationService Service(WorkflowWorld w) => new(_db, _clock, w.Service, _email,
        Options.Create(new OS2HubOptions { PublicBaseUrl = new Uri("https://os2hub.example/") }), _protection, NullLogger<ConfirmationService>.Instance);

    private async Task<(WorkflowWorld World, ConfirmationService Service, int Round)> OpenAsync(int reminderDays = 14)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var service = Service(w);
        var opened = await service.OpenAsync("sekretariat", 2026, reminderDays, Ct);
        Assert.True(opened.Succeeded, opened.Message);
        return (w, service, opened.Id!.Value);
    }

    private async Task<int> MembershipAsync(WorkflowWorld w, string organisation, string product = "Alfa")
    {
        await using var db = _db.CreateDbContext();
        return await db.Participations.Where(x => x.OrganisationId == w.Organisations[organisation] && x.ProductId == w.Products[product] && x.Kind == ParticipationKind.Member)
            .Select(x => x.Id).SingleAsync(Ct);
    }

    private async Task<int> ConfirmationsAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Confirmations.CountAsync(Ct);
    }

    [Fact]
    public async Task OnlyTheSecretariatOpensOneRoundAtATimeForAYearInRange()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var service = Service(w);

        Assert.Equal(OperationOutcome.Denied, (await service.OpenAsync("it-frederikshavn", 2026, 14, Ct)).Outcome);
        Assert.Equal("Året skal være mellem 2025 og 2027.", (await service.OpenAsync("sekretariat", 2030, 14, Ct)).FieldErrors!["Year"]);
        Assert.Equal("Antal dage før påmindelsen skal være mellem 1 og 90.", (await service.OpenAsync("sekretariat", 2026, 0, Ct)).FieldErrors!["ReminderDays"]);
        Assert.True((await service.OpenAsync("sekretariat", 2026, 14, Ct)).Succeeded);
        Assert.Equal("Der er allerede en åben bekræftelsesrunde. Luk den, før en ny åbnes.", (await service.OpenAsync("sekretariat", 2027, 14, Ct)).Message);

        await using var db = _db.CreateDbContext();
        Assert.Equal(2026, (await db.ConfirmationRounds.SingleAsync(Ct)).Year);
    }

    [Fact]
    public async Task TheItKoordinatorConfirmsItsMembershipAndItsContactPersonOnce()
    {
        var (w, service, _) = await OpenAsync();
        var frederikshavn = await MembershipAsync(w, "Frederikshavn");

        var task = Assert.Single((await service.OverviewAsync("it-frederikshavn", Ct)).Memberships);
        Assert.Equal(("Alfa", "Mette Kontaktsen", (ConfirmationOutcome?)null), (task.ProductName, task.Contact, task.Answer));

        var unticked = await service.ConfirmMembershipAsync("it-frederikshavn", frederikshavn, false, null, Ct);
        Assert.Equal("Sæt flueben ved, at kontaktpersonen stadig er rigtig – eller ret kontaktpersonen først.", unticked.FieldErrors!["Contact"]);
        Assert.Equal(0, await ConfirmationsAsync());

        Assert.True((await service.ConfirmMembershipAsync("it-frederikshavn", frederikshavn, true, null, Ct)).Succeeded);
        Assert.Equal("Medlemskabet er allerede besvaret i denne runde.", (await service.ConfirmMembershipAsync("it-frederikshavn", frederikshavn, true, null, Ct)).Message);
        Assert.Equal(OperationOutcome.Denied, (await service.ConfirmMembershipAsync("it-frederikshavn", await MembershipAsync(w, "Helsingør"), true, null, Ct)).Outcome);

        var answered = Assert.Single((await service.OverviewAsync("it-frederikshavn", Ct)).Memberships);
        Assert.Equal((ConfirmationOutcome?)ConfirmationOutcome.Confirmed, answered.Answer);
        await using var db = _db.CreateDbContext();
        var confirmation = await db.Confirmations.SingleAsync(Ct);
        Assert.True(confirmation.ContactConfirmed);
        Assert.Equal(_clock.Now.UtcDateTime, (await db.Participations.SingleAsync(x => x.Id == frederikshavn, Ct)).ConfirmedAt);
    }

    [Fact]
    public async Task MeldUdtraedenGoesThroughTheLeaveStepWithItsEndDateRule()
    {
        var (w, service, _) = await OpenAsync();
        var frederikshavn = await MembershipAsync(w, "Frederikshavn");

        var backdated = await service.LeaveAsync("it-frederikshavn", frederikshavn, new DateOnly(2025, 12, 31), null, Ct);
        Assert.Equal("Udtræden kan tidligst have virkning fra 01.01.2026, det indeværende budgetårs første dag. Sekretariatet kan rette en tidligere dato med en begrundelse.",
            backdated.FieldErrors!["EndDate"]);
        await using (var db = _db.CreateDbContext())
        {
            Assert.Null((await db.Participations.SingleAsync(x => x.Id == frederikshavn, Ct)).EndDate);
            Assert.Equal(0, await db.Confirmations.CountAsync(Ct));
        }

        Assert.True((await service.LeaveAsync("it-frederikshavn", frederikshavn, new DateOnly(2026, 12, 31), null, Ct)).Succeeded);

        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(new DateOnly(2026, 12, 31), (await db.Participations.SingleAsync(x => x.Id == frederikshavn, Ct)).EndDate);
            Assert.Equal(MembershipAction.Left, (await db.MembershipEvents.SingleAsync(Ct)).Action);
            Assert.Equal(ConfirmationOutcome.Leaving, (await db.Confirmations.SingleAsync(Ct)).Outcome);
        }

        Assert.Equal((ConfirmationOutcome?)ConfirmationOutcome.Leaving, Assert.Single((await service.OverviewAsync("it-frederikshavn", Ct)).Memberships).Answer);
    }

    [Fact]
    public async Task TheSecretariatMayEndAMembershipBeforeTheBudgetYearOnlyAsACorrectionWithAReason()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var noReason = await w.Service.LeaveAsync("sekretariat", w.Products["Alfa"], w.Organisations["Helsingør"], new DateOnly(2025, 6, 30), null, Ct);
        Assert.Equal("En udtræden før det indeværende budgetår er en rettelse: skriv begrundelsen.", noReason.FieldErrors!["Reason"]);
        var corrected = await w.Service.LeaveAsync("sekretariat", w.Products["Alfa"], w.Organisations["Helsingør"], new DateOnly(2025, 6, 30), "Udtrådt pr. brev af 2. juni 2025", Ct);
        Assert.True(corrected.Succeeded, corrected.Message);

        await using var db = _db.CreateDbContext();
        Assert.Equal("Udtrådt pr. brev af 2. juni 2025", (await db.MembershipEvents.SingleAsync(Ct)).Reason);
    }

    [Fact]
    public async Task TheSecretariatConfirmsForAnAuthorityWithoutAnItKoordinatorAndSaysItsSource()
    {
        var (w, service, _) = await OpenAsync();
        var helsingoer = await MembershipAsync(w, "Helsingør");

        var overview = await service.OverviewAsync("sekretariat", Ct);
        Assert.Equal(["Helsingør Kommune"], overview.WithoutCoordinator.Select(t => t.OrganisationName).ToList()); // Frederikshavn has its IT-koordinator
        Assert.Equal("Skriv, hvor sekretariatet har oplysningen fra.", (await service.ConfirmMembershipAsync("sekretariat", helsingoer, false, "  ", Ct)).FieldErrors!["Source"]);
        Assert.Equal(OperationOutcome.Denied, (await service.ConfirmMembershipAsync("sekretariat", await MembershipAsync(w, "Frederikshavn"), true, "Telefon", Ct)).Outcome);
        Assert.Equal(0, await ConfirmationsAsync());

        Assert.True((await service.ConfirmMembershipAsync("sekretariat", helsingoer, false, "Mail fra Helsingør Kommune 1. december 2026", Ct)).Succeeded);
        await using var db = _db.CreateDbContext();
        var confirmation = await db.Confirmations.SingleAsync(Ct);
        Assert.Equal(("Mail fra Helsingør Kommune 1. december 2026", "sekretariat"), (confirmation.Source, confirmation.UserId));
    }

    [Fact]
    public async Task TheProduktkoordinatorConfirmsRolesAndSeatsAndSeesWhoHasNotAnswered()
    {
        var (w, service, _) = await OpenAsync();
        Assert.True((await service.ConfirmMembershipAsync("it-frederikshavn", await MembershipAsync(w, "Frederikshavn"), true, null, Ct)).Succeeded);

        var alfa = Assert.Single((await service.OverviewAsync("pk-alfa", Ct)).Products);
        Assert.Equal(["Helsingør Kommune"], alfa.NotConfirmed);
        Assert.Equal(["Leverandør ApS: Udvikling"], alfa.SupplierRoles.Select(r => r.Text).ToList());
        Assert.Equal(2, alfa.Seats.Count);
        Assert.False(alfa.Done);

        Assert.Equal(OperationOutcome.Denied, (await service.ConfirmProductAsync("pk-alfa", w.Products["Beta"], Ct)).Outcome);
        Assert.Equal(OperationOutcome.Denied, (await service.ConfirmProductAsync("it-frederikshavn", w.Products["Alfa"], Ct)).Outcome);
        Assert.True((await service.ConfirmProductAsync("pk-alfa", w.Products["Alfa"], Ct)).Succeeded);
        Assert.Equal("Der er ingen leverandørroller eller pladser at bekræfte.", (await service.ConfirmProductAsync("pk-alfa", w.Products["Alfa"], Ct)).Message);

        Assert.True(Assert.Single((await service.OverviewAsync("pk-alfa", Ct)).Products).Done);
        await using var db = _db.CreateDbContext();
        Assert.Equal((1, 2), (await db.Confirmations.CountAsync(c => c.Subject == ConfirmationSubject.SupplierRole, Ct), await db.Confirmations.CountAsync(c => c.Subject == ConfirmationSubject.Seat, Ct)));
    }

    [Fact]
    public async Task ThoseWithOpenTasksAreRemindedOnceAfterTheDaysSetAndMayStopWithOneClick()
    {
        var (w, service, _) = await OpenAsync(reminderDays: 3);

        _clock.Now = _clock.Now.AddDays(2);
        Assert.Equal(0, await service.RemindAsync(Ct)); // not yet

        _clock.Now = _clock.Now.AddDays(1);
        // Two instances at once: each person still gets one reminder.
        var sent = await Task.WhenAll(service.RemindAsync(Ct), Service(w).RemindAsync(Ct));
        Assert.Equal(2, sent.Sum());
        Assert.Equal(["it-frederikshavn@example.dk", "pk-alfa@example.dk"], _email.Messages.Select(m => m.Recipient).Order(StringComparer.Ordinal).ToList());
        var reminder = _email.Messages.First();
        Assert.StartsWith("https://os2hub.example/afmeld/bekraeftelse/klik?t=", reminder.UnsubscribeUrl, StringComparison.Ordinal);
        Assert.Contains("https://os2hub.example/bekraeftelse", reminder.Text, StringComparison.Ordinal);

        _clock.Now = _clock.Now.AddDays(5);
        Assert.Equal(0, await service.RemindAsync(Ct)); // once per round

        // The one-click stop works without signing in; a forged token does nothing.
        Assert.True(await service.StopRemindersAsync(service.StopToken("it-frederikshavn"), Ct));
        Assert.False(await service.StopRemindersAsync("forfalsket", Ct));
        await using var db = _db.CreateDbContext();
        Assert.Equal(["it-frederikshavn"], await db.Users.Where(u => u.ConfirmationRemindersOff).Select(u => u.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task NobodyIsRemindedWhoHasAnsweredOrStoppedReminders()
    {
        var (w, service, _) = await OpenAsync(reminderDays: 1);
        Assert.True((await service.ConfirmMembershipAsync("it-frederikshavn", await MembershipAsync(w, "Frederikshavn"), true, null, Ct)).Succeeded);
        Assert.True(await service.StopRemindersAsync(service.StopToken("pk-alfa"), Ct));

        _clock.Now = _clock.Now.AddDays(2);
        Assert.Equal(0, await service.RemindAsync(Ct));
        Assert.Empty(_email.Messages);
    }

    [Fact]
    public async Task AClosedRoundRefusesLateAnswersAndChangesNothing()
    {
        var (w, service, round) = await OpenAsync();
        Assert.Equal(OperationOutcome.Denied, (await service.CloseAsync("pk-alfa", round, Ct)).Outcome);
        Assert.True((await service.CloseAsync("sekretariat", round, Ct)).Succeeded);
        var frederikshavn = await MembershipAsync(w, "Frederikshavn");

        const string closed = "Der er ingen åben bekræftelsesrunde; svaret er ikke gemt.";
        Assert.Equal(closed, (await service.ConfirmMembershipAsync("it-frederikshavn", frederikshavn, true, null, Ct)).Message);
        Assert.Equal(closed, (await service.LeaveAsync("it-frederikshavn", frederikshavn, new DateOnly(2026, 12, 31), null, Ct)).Message);
        Assert.Equal(closed, (await service.ConfirmProductAsync("pk-alfa", w.Products["Alfa"], Ct)).Message);
        Assert.Equal(closed, (await service.CloseAsync("sekretariat", round, Ct)).Message);

        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.Confirmations.CountAsync(Ct));
        Assert.Null((await db.Participations.SingleAsync(x => x.Id == frederikshavn, Ct)).EndDate);
        Assert.False((await service.OverviewAsync("it-frederikshavn", Ct)).Round!.IsOpen);
    }

    [Fact]
    public async Task AProductsFreshnessCountsWhatWasConfirmedOrChangedWithinTwelveMonths()
    {
        var (w, service, _) = await OpenAsync();
        var details = new OS2Hub.Web.Features.Products.ProductDetailsService(_db, _clock);
        Assert.Equal((0, 3), Fresh((await details.GetAsync("alfa", Ct))!)); // two memberships and one supplier role, none confirmed

        Assert.True((await service.ConfirmMembershipAsync("it-frederikshavn", await MembershipAsync(w, "Frederikshavn"), true, null, Ct)).Succeeded);
        Assert.True((await service.ConfirmProductAsync("pk-alfa", w.Products["Alfa"], Ct)).Succeeded);
        var alfa = (await details.GetAsync("alfa", Ct))!;
        Assert.Equal((2, 3), Fresh(alfa));
        Assert.Equal(_clock.Now.UtcDateTime, alfa.Members.Single(m => m.Slug == "frederikshavn").ConfirmedAt);

        _clock.Now = _clock.Now.AddYears(1).AddDays(1);
        Assert.Equal((0, 3), Fresh((await details.GetAsync("alfa", Ct))!)); // a year later the confirmations are stale

        static (int, int) Fresh(OS2Hub.Web.Features.Products.ProductDetails d) => (d.Freshness!.Fresh, d.Freshness.Total);
    }
}
