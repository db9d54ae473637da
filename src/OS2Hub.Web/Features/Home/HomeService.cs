using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Home;

public sealed record KeyFigures(int Products, int MemberAuthorities, int Suppliers, int Municipalities);

public sealed class HomeService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<KeyFigures> GetKeyFiguresAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.CountAsync(p => p.Lifecycle != LifecycleState.Retired, ct);
        var members = await db.Participations
            .Where(Dated.CurrentOn(today, ParticipationKind.Member))
            .Select(x => x.OrganisationId).Distinct().CountAsync(ct);
        var suppliers = await db.Participations
            .Where(Dated.CurrentOn(today, ParticipationKind.Supplier))
            .Select(x => x.OrganisationId).Distinct().CountAsync(ct);
        var municipalities = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Municipality, ct);
        return new KeyFigures(products, members, suppliers, municipalities);
    }
}
