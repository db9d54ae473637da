namespace OS2Hub.Web.Data.Entities;

/// <summary>What a moderator (the secretariat or the produktkoordinator) did to a post; either leaves a visible note.</summary>
public enum Moderation
{
    None,

    /// <summary>The text is not shown to anyone; the note says when and why.</summary>
    Hidden,

    /// <summary>The text was replaced (personal data taken out, say); the note says when and why.</summary>
    Redacted,
}

/// <summary>
/// A question to a product's community. Co-owners only unless the asker opens it; on an open thread outsiders and the
/// feeds see the organisations that asked and answered, never the people.
/// </summary>
public class Question
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public required string AskedByUserId { get; set; }

    /// <summary>The organisation the asker spoke for; null for the secretariat or a produktkoordinator, named by <see cref="AuthorRole"/>.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public GrantRole AuthorRole { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>The answer the asker marked as the one that helped.</summary>
    public int? AcceptedAnswerId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public Moderation Moderation { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModerationNote { get; set; }
    public List<QuestionAnswer> Answers { get; } = [];
}

public class QuestionAnswer
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public Question? Question { get; set; }
    public required string Text { get; set; }
    public required string UserId { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public GrantRole AuthorRole { get; set; }
    public DateTime CreatedAt { get; set; }
    public Moderation Moderation { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModerationNote { get; set; }
}

/// <summary>What a follower of a product wants to hear about.</summary>
[Flags]
public enum FollowTopics
{
    None = 0,
    News = 1,
    Releases = 2,
    Decisions = 4,
    Documents = 8,
    Questions = 16,
    Wishes = 32,
    All = News | Releases | Decisions | Documents | Questions | Wishes,
}

/// <summary>How a follower hears: in the hub as it happens, or one e-mail a day or a week.</summary>
public enum FollowDelivery
{
    Hub,
    DailyDigest,
    WeeklyDigest,
}

/// <summary>A signed-in user follows a product. Nothing is sent to anyone who has not chosen it here.</summary>
public class ProductFollow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public FollowTopics Topics { get; set; }
    public FollowDelivery Delivery { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Items created after this have not been in a digest yet; a digest run moves it forward with one guarded UPDATE.</summary>
    public DateTime DigestedUntil { get; set; }
}
