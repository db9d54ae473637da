using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Following;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Questions;

public sealed record QuestionSummary(
    int Id, string Slug, string Product, string Title, string Asker, int Answers, bool Solved, bool IsPublic, DateTime LastActivityAt, bool Hidden);

public sealed record QuestionList(int? ProductId, string? Slug, string? Product, IReadOnlyList<QuestionSummary> Threads, bool MayAsk);

/// <summary>One post as the reader may see it: the organisation always, the person only for the product's insiders.</summary>
public sealed record PostView(int Id, string? Text, string Organisation, string? Person, DateTime At, Moderation Moderation, DateTime? ModeratedAt, string? ModerationNote);

public sealed record ThreadView(
    int Id, int ProductId, string Slug, string Product, string Title, PostView Question, IReadOnlyList<PostView> Answers, int? AcceptedAnswerId,
    bool IsPublic, bool IsAsker, bool MayAnswer, bool Moderates);

public sealed class QuestionInput
{
    public int ProductId { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public bool IsPublic { get; set; }
}

/// <summary>
/// Questions to a product's community. Insiders of a product are its co-owners' IT-koordinatorer and Medarbejdere,
/// its supplier contacts, its produktkoordinator and the secretariat: they read every thread, answer, and see who
/// wrote. Anyone with a grant may ask, and the asker always reads and follows up on its own thread. A thread is for
/// insiders only unless the asker opens it; then everyone reads it, with organisations and never people.
/// </summary>
public sealed class QuestionService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, FollowNotifier followers)
{
    public const int MaxTitle = 200;
    public const int MaxText = 10_000;
    public const int MaxNote = 500;

    /// <summary>Threads of one product (by slug) or of all products (null), newest activity first, filtered by a folded search.</summary>
    public async Task<QuestionList?> ListAsync(string? userId, string? slug, string? query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = slug is null ? null : await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (slug is not null && product is null)
        {
            return null;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var scope = await CommunityService.ScopeAsync(db, access, Today(), ct);
        var folded = TextFolding.Fold(query);
        var rows = await db.Questions.AsNoTracking().Where(q => product == null || q.ProductId == product.Id)
            .OrderByDescending(q => q.LastActivityAt)
            .Select(q => new
            {
                q.Id, q.ProductId, q.Product!.Slug, Product = q.Product.Name, q.Title, q.Text, q.IsPublic, q.AskedByUserId, q.AcceptedAnswerId, q.LastActivityAt,
                q.Moderation, Organisation = q.Organisation!.Name, q.AuthorRole, Answers = q.Answers.Count(a => a.Moderation != Moderation.Hidden),
            })
            .ToListAsync(ct);
        var visible = rows.Where(q => (MayRead(scope, q.ProductId, q.IsPublic) || q.AskedByUserId == userId)
            && (q.Moderation != Moderation.Hidden || access.Decides(q.ProductId))).ToList();
        if (folded.Length > 0)
        {
            // Answers count in the search too, read only for the threads this reader may open.
            var ids = visible.Select(q => q.Id).ToList();
            var answerTexts = (await db.QuestionAnswers.AsNoTracking().Where(a => ids.Contains(a.QuestionId) && a.Moderation != Moderation.Hidden)
                .Select(a => new { a.QuestionId, a.Text }).ToListAsync(ct)).ToLookup(a => a.QuestionId, a => a.Text);
            visible = visible.Where(q => TextFolding.Fold($"{q.Title} {(q.Moderation == Moderation.Hidden ? "" : q.Text)} {string.Join(" ", answerTexts[q.Id])}").Contains(folded, StringComparison.Ordinal)).ToList();
        }

        var threads = visible.Select(q => new QuestionSummary(q.Id, q.Slug, q.Product, q.Title, q.Organisation ?? CommunityService.Author(q.AuthorRole, q.Product),
            q.Answers, q.AcceptedAnswerId is not null, q.IsPublic, q.LastActivityAt, q.Moderation == Moderation.Hidden)).ToList();
        return new QuestionList(product?.Id, product?.Slug, product?.Name, threads, SpeaksAs(access, null, null) is not null);
    }

    /// <summary>One thread; null when it does not exist for this product or the reader may not read it (the page says "not found" either way).</summary>
    public async Task<ThreadView?> ThreadAsync(string? userId, string slug, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking().Include(x => x.Product).Include(x => x.Organisation)
            .FirstOrDefaultAsync(x => x.Id == id && x.Product!.Slug == slug, ct);
        if (q is null)
        {
            return null;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var standing = await StandingAsync(db, access, q.ProductId, ct);
        var isAsker = userId is not null && q.AskedByUserId == userId;
        var moderates = access.Decides(q.ProductId);
        if (!(q.IsPublic || standing.Inside || isAsker) || (q.Moderation == Moderation.Hidden && !moderates && !isAsker))
        {
            return null;
        }

        var answers = await db.QuestionAnswers.AsNoTracking().Where(a => a.QuestionId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Text, a.UserId, Organisation = a.Organisation!.Name, a.AuthorRole, a.CreatedAt, a.Moderation, a.ModeratedAt, a.ModerationNote }).ToListAsync(ct);
        var userIds = answers.Select(a => a.UserId).Append(q.AskedByUserId).Distinct().ToList();
        var names = standing.Inside ? await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct) : [];
        var product = q.Product!.Name;
        PostView Post(int postId, string text, string? organisation, GrantRole role, string author, DateTime at, Moderation moderation, DateTime? moderatedAt, string? note) =>
            new(postId, moderation == Moderation.Hidden && !moderates ? null : text, organisation ?? CommunityService.Author(role, product),
                names.GetValueOrDefault(author), at, moderation, moderatedAt, note);

        return new ThreadView(q.Id, q.ProductId, q.Product.Slug, product, q.Title,
            Post(q.Id, q.Text, q.Organisation?.Name, q.AuthorRole, q.AskedByUserId, q.CreatedAt, q.Moderation, q.ModeratedAt, q.ModerationNote),
            answers.Select(a => Post(a.Id, a.Text, a.Organisation, a.AuthorRole, a.UserId, a.CreatedAt, a.Moderation, a.ModeratedAt, a.ModerationNote)).ToList(),
            q.AcceptedAnswerId, q.IsPublic, isAsker, (standing.Inside || isAsker) && q.Moderation != Moderation.Hidden, moderates);
    }

    public async Task<OperationResult> AskAsync(string userId, QuestionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!await db.Products.AnyAsync(p => p.Id == input.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        var standing = await StandingAsync(db, access, input.ProductId, ct);
        if (standing.Voice is not { } voice)
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var title = InputRules.Required(errors, nameof(input.Title), input.Title, MaxTitle, "Question_Error_TitleRequired");
        var text = InputRules.Required(errors, nameof(input.Text), input.Text, MaxText, "Question_Error_TextRequired");
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var now = Now();
        var question = new Question
        {
            ProductId = input.ProductId, Title = title!, Text = text!, AskedByUserId = userId, OrganisationId = voice.Organisation, AuthorRole = voice.Role,
            IsPublic = input.IsPublic, CreatedAt = now, LastActivityAt = now,
        };
        db.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        await followers.PublishedAsync(new FollowedItem(FollowTopics.Questions, input.ProductId, question.IsPublic ? ItemVisibility.Public : ItemVisibility.CoOwners, true,
            "Follow_Notice_Question", question.Title, $"/produkter/{await SlugAsync(db, input.ProductId, ct)}/spoergsmaal/{question.Id}", userId), ct);
        return OperationResult.Ok(question.Id);
    }

    public async Task<OperationResult> AnswerAsync(string userId, int questionId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId, ct) is not { } question)
        {
            return OperationResult.NotFound;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var standing = await StandingAsync(db, access, question.ProductId, ct);
        var isAsker = question.AskedByUserId == userId;
        if (!(standing.Inside || isAsker) || question.Moderation == Moderation.Hidden || standing.Voice is not { } voice)
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var clean = InputRules.Required(errors, "Text", text, MaxText, "Question_Error_AnswerRequired");
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(errors["Text"], errors);
        }

        var now = Now();
        var answer = new QuestionAnswer { QuestionId = questionId, Text = clean!, UserId = userId, OrganisationId = voice.Organisation, AuthorRole = voice.Role, CreatedAt = now };
        db.QuestionAnswers.Add(answer);
        question.LastActivityAt = now;
        await db.SaveChangesAsync(ct);
        if (!isAsker)
        {
            await followers.TellAsync(question.AskedByUserId, "Question_Notice_Answered", [await ProductNameAsync(db, question.ProductId, ct), question.Title],
                $"/produkter/{await SlugAsync(db, question.ProductId, ct)}/spoergsmaal/{questionId}#svar-{answer.Id}", ct);
        }

        return OperationResult.Ok(answer.Id);
    }

    /// <summary>The asker marks the answer that helped (null: none any more).</summary>
    public async Task<OperationResult> AcceptAsync(string userId, int questionId, int? answerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId, ct) is not { } question)
        {
            return OperationResult.NotFound;
        }

        if (question.AskedByUserId != userId || (answerId is { } id && !await db.QuestionAnswers.AnyAsync(a => a.Id == id && a.QuestionId == questionId && a.Moderation != Moderation.Hidden, ct)))
        {
            return OperationResult.Denied;
        }

        question.AcceptedAnswerId = answerId;
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>Only the asker opens a thread to everyone (or closes it again); what it wrote, it wrote for the co-owners.</summary>
    public async Task<OperationResult> SetPublicAsync(string userId, int questionId, bool isPublic, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId, ct) is not { } question)
        {
            return OperationResult.NotFound;
        }

        if (question.AskedByUserId != userId)
        {
            return OperationResult.Denied;
        }

        question.IsPublic = isPublic;
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>
    /// The secretariat or the produktkoordinator hides a post, or replaces its text (to take out personal data, say);
    /// a note with the date and the reason stays visible. <paramref name="answerId"/> null: the question itself.
    /// </summary>
    public async Task<OperationResult> ModerateAsync(string userId, int questionId, int? answerId, Moderation action, string? reason, string? replacement, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId, ct) is not { } question)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.DecidesAsync(db, userId, question.ProductId, ct) || !Enum.IsDefined(action))
        {
            return OperationResult.Denied;
        }

        var answer = answerId is { } id ? await db.QuestionAnswers.FirstOrDefaultAsync(a => a.Id == id && a.QuestionId == questionId, ct) : null;
        if (answerId is not null && answer is null)
        {
            return OperationResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var note = InputRules.Required(errors, "Reason", reason, MaxNote, "Question_Error_ReasonRequired");
        var text = action == Moderation.Redacted ? InputRules.Required(errors, "Replacement", replacement, MaxText, "Question_Error_ReplacementRequired") : null;
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var now = Now();
        if (answer is not null)
        {
            (answer.Moderation, answer.ModeratedAt, answer.ModerationNote) = (action, action == Moderation.None ? null : now, action == Moderation.None ? null : note);
            answer.Text = text ?? answer.Text;
            if (action == Moderation.Hidden && question.AcceptedAnswerId == answer.Id)
            {
                question.AcceptedAnswerId = null;
            }
        }
        else
        {
            (question.Moderation, question.ModeratedAt, question.ModerationNote) = (action, action == Moderation.None ? null : now, action == Moderation.None ? null : note);
            question.Text = text ?? question.Text;
        }

        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>Whether the user is inside the product's community, and whom it speaks for when it writes.</summary>
    private async Task<Standing> StandingAsync(OS2HubDbContext db, UserAccess access, int productId, CancellationToken ct)
    {
        var today = Today();
        var members = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => x.ProductId == productId).Select(x => x.OrganisationId).ToListAsync(ct);
        var suppliers = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => x.ProductId == productId).Select(x => x.OrganisationId).ToListAsync(ct);
        var coOwner = access.Employers.Where(members.Contains).Select(o => (int?)o).FirstOrDefault();
        var supplier = access.Suppliers.Where(suppliers.Contains).Select(o => (int?)o).FirstOrDefault();
        var inside = access.Decides(productId) || coOwner is not null || supplier is not null;
        return new Standing(inside, SpeaksAs(access, coOwner, supplier, productId));
    }

    /// <summary>
    /// Whom a post speaks for: the co-owning authority, else the serving supplier, else the deciding role, else any
    /// authority or supplier the user belongs to (an outsider may ask). Null for a user with no grant: it may not write.
    /// </summary>
    private static Voice? SpeaksAs(UserAccess access, int? coOwner, int? supplier, int? productId = null)
    {
        if (coOwner is { } o)
        {
            return new Voice(o, access.Authorities.Contains(o) ? GrantRole.ItCoordinator : GrantRole.Staff);
        }

        if (supplier is { } s)
        {
            return new Voice(s, GrantRole.SupplierContact);
        }

        if (access.IsSecretariat || (productId is { } p && access.Decides(p)))
        {
            return new Voice(null, access.IsSecretariat ? GrantRole.Secretariat : GrantRole.ProductCoordinator);
        }

        if (access.Employers.Count > 0)
        {
            return new Voice(access.Employers[0], access.Authorities.Contains(access.Employers[0]) ? GrantRole.ItCoordinator : GrantRole.Staff);
        }

        if (access.Suppliers.Count > 0)
        {
            return new Voice(access.Suppliers[0], GrantRole.SupplierContact);
        }

        return access.CoordinatedProducts.Count > 0 ? new Voice(null, GrantRole.ProductCoordinator) : null;
    }

    /// <summary>A thread read through the product's community: public, or for its insiders, the suppliers among them (the asker aside).</summary>
    public static bool MayRead(CommunityService.ReaderScope scope, int productId, bool isPublic)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.MayRead(productId, isPublic ? ItemVisibility.Public : ItemVisibility.CoOwners, suppliersMayRead: true);
    }

    private sealed record Voice(int? Organisation, GrantRole Role);

    private sealed record Standing(bool Inside, Voice? Voice);

    private static Task<string> SlugAsync(OS2HubDbContext db, int productId, CancellationToken ct) =>
        db.Products.Where(p => p.Id == productId).Select(p => p.Slug).SingleAsync(ct);

    private static Task<string> ProductNameAsync(OS2HubDbContext db, int productId, CancellationToken ct) =>
        db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync(ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
