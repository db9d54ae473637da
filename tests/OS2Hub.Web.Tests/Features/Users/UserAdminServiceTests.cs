using Microsoft.Extensions.Options;
using OS2Hub.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Users;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Users;

/// <summary>Invitations and grants, with the real Identity user store on the test database.</summary>
public sealed class UserAdminServiceTests : IDisposable
{
    private static readonly Uri Site = new("https://os2hub.example/");
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly ServiceProvider _services;

    public UserAdminServiceTests()
    {
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services;
        services.AddScoped(_ => _db.CreateDbContext());
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true).AddEntityFrameworkStores<OS2HubDbContext>().AddDefaultTokenProviders();
        _services = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _db.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (UserAdminService Admin, RecordingEmailSender Email, IServiceScope Scope) Create(bool localSignIn = true)
    {
        var scope = _services.CreateScope();
        var email = new RecordingEmailSender();
        var sso = new SingleSignOnOptions { Providers = [new OidcProvider { Name = "os2faktor", DisplayName = "OS2faktor" }] };
        return (new UserAdminService(_db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, FixedClock.Default,
            Options.Create(new OS2HubOptions { LocalSignIn = localSignIn }), Options.Create(sso)), email, scope);
    }

    [Fact]
    public async Task TheSecretariatInvitesAUserWithAGrantAndALinkToSetAPassword()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var (admin, email, scope) = Create();
        using var _ = scope;

        var result = await admin.InviteAsync("sekretariat", new InviteInput
        {
            Email = "ny@helsingor.dk", DisplayName = "Ny Koordinator", Role = GrantRole.ItCoordinator, OrganisationId = w.Organisations["Helsingør"],
        }, Site, Ct);

        Assert.True(result.Succeeded, result.Message);
        await using var db = _db.CreateDbContext();
        var user = await db.Users.Include(u => u.Grants).SingleAsync(u => u.Email == "ny@helsingor.dk", Ct);
        Assert.Null(user.PasswordHash);
        var grant = Assert.Single(user.Grants);
        Assert.Equal((GrantRole.ItCoordinator, w.Organisations["Helsingør"], (int?)null), (grant.Role, grant.OrganisationId!.Value, grant.ProductId));
        var mail = Assert.Single(email.Sent);
        Assert.Equal("ny@helsingor.dk", mail.Recipient);
        Assert.Contains("https://os2hub.example/konto/nulstil-adgangskode?bruger=", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pk-alfa")]
    [InlineData("it-frederikshavn")]
    [InlineData("leverandoer")]
    [InlineData("uden-rolle")]
    public async Task OnlyTheSecretariatMayInviteRevokeOrList(string actor)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var (admin, email, scope) = Create();
        using var _ = scope;
        await using var before = _db.CreateDbContext();
        var users = await before.Users.CountAsync(Ct);
        var grants = await before.Grants.CountAsync(Ct);
        var someGrant = await before.Grants.Select(g => g.Id).FirstAsync(Ct);

        var invite = await admin.InviteAsync(actor, new InviteInput
        {
            Email = "x@example.dk", DisplayName = "X", Role = GrantRole.Secretariat,
        }, Site, Ct);
        var revoke = await admin.RevokeAsync(actor, someGrant, Ct);

        Assert.Equal(OperationOutcome.Denied, invite.Outcome);
        Assert.Equal(OperationOutcome.Denied, revoke.Outcome);
        Assert.Null(await admin.ListAsync(actor, Ct));
        await using var after = _db.CreateDbContext();
        Assert.Equal(users, await after.Users.CountAsync(Ct));
        Assert.Equal(grants, await after.Grants.CountAsync(Ct));
        Assert.Empty(email.Sent);
    }

    [Fact]
    public async Task ARevokedGrantStopsWorkingAtOnce()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var (admin, _, scope) = Create();
        using var __ = scope;
        await using var db = _db.CreateDbContext();
        var grant = await db.Grants.SingleAsync(g => g.UserId == "it-frederikshavn", Ct);

        var revoked = await admin.RevokeAsync("sekretariat", grant.Id, Ct);
        var attempt = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma"), Ct);

        Assert.True(revoked.Succeeded);
        Assert.Equal(OperationOutcome.Denied, attempt.Outcome);
    }

    [Fact]
    public async Task TheLastSecretariatGrantCannotBeRemoved()
    {
        await WorkflowWorld.CreateAsync(_db);
        var (admin, _, scope) = Create();
        using var __ = scope;
        await using var db = _db.CreateDbContext();
        var grant = await db.Grants.SingleAsync(g => g.Role == GrantRole.Secretariat, Ct);

        var result = await admin.RevokeAsync("sekretariat", grant.Id, Ct);

        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
        Assert.True(await db.Grants.AnyAsync(g => g.Id == grant.Id, Ct));
    }

    [Fact]
    public async Task BadInvitationsAreRefusedWithDanishMessages()
    {
        await WorkflowWorld.CreateAsync(_db);
        var (admin, email, scope) = Create();
        using var _ = scope;

        var result = await admin.InviteAsync("sekretariat", new InviteInput { Email = "ikke-en-adresse", DisplayName = " ", Role = GrantRole.ProductCoordinator }, Site, Ct);

        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
        Assert.Equal("Skriv en gyldig e-mailadresse.", result.FieldErrors!["Email"]);
        Assert.Equal("Vælg det produkt, rollen gælder.", result.FieldErrors["Scope"]);
        Assert.Contains("navn", result.FieldErrors["DisplayName"], StringComparison.Ordinal);
        Assert.Empty(email.Sent);
    }

    [Fact]
    public async Task AnItCoordinatorInvitesListsAndEndsItsOwnAuthoritysMedarbejdereAndNothingMore()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var (admin, email, scope) = Create();
        using var _ = scope;

        var invited = await admin.InviteAsync("it-frederikshavn", new InviteInput
        {
            Email = "kollega@frederikshavn.dk", DisplayName = "Karen Kollega", Role = GrantRole.Staff, OrganisationId = w.Organisations["Frederikshavn"],
        }, Site, Ct);
        var asCoordinator = await admin.InviteAsync("it-frederikshavn", new InviteInput
        {
            Email = "chef@frederikshavn.dk", DisplayName = "Chef", Role = GrantRole.ItCoordinator, OrganisationId = w.Organisations["Frederikshavn"],
        }, Site, Ct);
        var lists = await admin.StaffAsync("it-frederikshavn", Ct);

        Assert.True(invited.Succeeded, invited.Message);
        Assert.Equal(OperationOutcome.Denied, asCoordinator.Outcome); // only the secretariat hands out other grants
        Assert.Contains("https://os2hub.example/konto/nulstil-adgangskode?bruger=", Assert.Single(email.Sent).Text, StringComparison.Ordinal);
        var list = Assert.Single(lists!);
        Assert.Equal("Frederikshavn Kommune", list.Organisation);
        Assert.Equal(["Karen Kollega", "medarbejder-frederikshavn"], list.Staff.Select(s => s.Name));
        Assert.True(list.Staff[0].Invited);
        Assert.Null(await admin.StaffAsync("medarbejder-frederikshavn", Ct));
        Assert.Null(await admin.StaffAsync("sekretariat", Ct)); // the secretariat uses the users page

        var ended = await admin.RevokeAsync("it-frederikshavn", list.Staff[0].GrantId, Ct);
        await using var db = _db.CreateDbContext();
        var itsOwnGrant = await db.Grants.SingleAsync(g => g.UserId == "it-frederikshavn", Ct);
        var notStaff = await admin.RevokeAsync("it-frederikshavn", itsOwnGrant.Id, Ct);

        Assert.True(ended.Succeeded);
        Assert.Equal(OperationOutcome.Denied, notStaff.Outcome); // it ends Medarbejder grants, not other grants of its authority
        Assert.False(await db.Grants.AnyAsync(g => g.UserId != "medarbejder-frederikshavn" && g.Role == GrantRole.Staff && g.OrganisationId == w.Organisations["Frederikshavn"], Ct));
    }

    [Fact]
    public async Task AMedarbejderHasNoPartnerListAndActsForNoAuthority()
    {
        await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();

        var access = await OS2Hub.Web.Features.Access.AccessService.ForAsync(db, "medarbejder-frederikshavn", Ct);

        Assert.Empty(access.Authorities);
        Assert.Empty(access.Suppliers);
        Assert.False(access.ActsFor(access.Employers[0]));
        Assert.Null(await new OS2Hub.Web.Features.Partners.PartnerService(_db, FixedClock.Default).ListAsync("medarbejder-frederikshavn", new OS2Hub.Web.Features.Partners.PartnerFilter(), PersonalDataAccess.Viewed, Ct));
    }
}
