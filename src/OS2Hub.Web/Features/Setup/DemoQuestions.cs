using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Two invented threads on OS2rollekatalog, one open to everyone and one for its co-owners, so the questions pages
/// and the search can be tried. Written by the demo user (no person), and removed with the rest of the demo data.
/// </summary>
internal static class DemoQuestions
{
    private const string DemoUser = "demo-data";

    public static async Task LoadAsync(OS2HubDbContext db, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Slug == "os2rollekatalog", ct);
        if (product is null || await db.Questions.AnyAsync(q => q.AskedByUserId == DemoUser, ct))
        {
            return;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var owners = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => x.ProductId == product.Id)
            .Select(x => x.OrganisationId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var supplier = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => x.ProductId == product.Id)
            .Select(x => (int?)x.OrganisationId).FirstOrDefaultAsync(ct);
        if (owners.Count < 4 || supplier is null)
        {
            return;
        }

        var at = DateTime.UtcNow.AddDays(-30);
        var open = new Question
        {
            ProductId = product.Id, Title = "Hvordan har I sat integrationen til KMD OPUS op?", AskedByUserId = DemoUser, OrganisationId = owners[0], AuthorRole = GrantRole.Staff,
            Text = "Vi skal have stillinger fra **KMD OPUS** ind i rollekataloget. Går I gennem OS2mo, eller henter I direkte fra OPUS? Og hvor ofte kører jeres import?",
            IsPublic = true, CreatedAt = at, LastActivityAt = at.AddDays(3),
        };
        open.Answers.Add(new QuestionAnswer
        {
            UserId = DemoUser, OrganisationId = owners[1], AuthorRole = GrantRole.ItCoordinator, CreatedAt = at.AddDays(1),
            Text = "Vi går gennem OS2mo: OPUS-integrationen i OS2mo kører hver nat, og rollekataloget læser organisationen derfra kl. 6.",
        });
        open.Answers.Add(new QuestionAnswer
        {
            UserId = DemoUser, OrganisationId = supplier, AuthorRole = GrantRole.SupplierContact, CreatedAt = at.AddDays(3),
            Text = "Det anbefalede er at gå gennem OS2mo. Se vejledningen under Dokumenter; en direkte OPUS-integration vedligeholdes ikke længere.",
        });
        var closed = new Question
        {
            ProductId = product.Id, Title = "Erfaringer med attestering for ledere med mange medarbejdere?", AskedByUserId = DemoUser, OrganisationId = owners[2],
            AuthorRole = GrantRole.ItCoordinator, Text = "Vores ledere med over 100 medarbejdere synes, attesteringen tager for lang tid. Hvordan har I delt den op?",
            CreatedAt = at.AddDays(10), LastActivityAt = at.AddDays(11),
        };
        closed.Answers.Add(new QuestionAnswer
        {
            UserId = DemoUser, OrganisationId = owners[3], AuthorRole = GrantRole.Staff, CreatedAt = at.AddDays(11),
            Text = "Vi lader teamlederne attestere for deres egne teams, så den øverste leder kun ser undtagelserne.",
        });
        db.Questions.AddRange(open, closed);
        await db.SaveChangesAsync(ct);
        open.AcceptedAnswerId = open.Answers[1].Id;
        await db.SaveChangesAsync(ct);
    }

    public static Task<int> RemoveAsync(OS2HubDbContext db, CancellationToken ct) => db.Questions.Where(q => q.AskedByUserId == DemoUser).ExecuteDeleteAsync(ct);
}
