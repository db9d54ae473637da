using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features;

/// <summary>
/// The Danish words that stand for enum values in the hub's own page addresses (<c>?livscyklus=udtraadt</c>,
/// <c>/organisationer?type=kommune</c>, <c>?rolle=udvikling</c>). They were the code names before those became English,
/// and stay so that bookmarks and shared links keep working; the API uses its own English codes instead.
/// </summary>
public static class UrlWords
{
    private static readonly Dictionary<Enum, string> Words = new()
    {
        [MaturityLevel.Unknown] = "ukendt", [MaturityLevel.Idea] = "ide", [MaturityLevel.Sandbox] = "sandkasse",
        [MaturityLevel.Level1] = "niveau1", [MaturityLevel.Level2] = "niveau2", [MaturityLevel.Level3] = "niveau3",
        [LifecycleState.Unknown] = "ukendt", [LifecycleState.Active] = "aktiv", [LifecycleState.Frozen] = "frosset",
        [LifecycleState.PhasingOut] = "underudfasning", [LifecycleState.Retired] = "udtraadt",
        [OrganisationKind.Municipality] = "kommune", [OrganisationKind.Region] = "region", [OrganisationKind.State] = "stat",
        [OrganisationKind.OtherPublic] = "andenoffentlig", [OrganisationKind.Company] = "virksomhed",
        [SupplierRole.Unknown] = "ukendt", [SupplierRole.Development] = "udvikling", [SupplierRole.Maintenance] = "vedligeholdelse",
        [SupplierRole.Hosting] = "drifthosting", [SupplierRole.Support] = "support", [SupplierRole.Consulting] = "raadgivning",
        [WishStatus.New] = "ny", [WishStatus.UnderReview] = "undervurdering", [WishStatus.Prioritised] = "prioriteret",
        [WishStatus.InDevelopment] = "iudvikling", [WishStatus.Delivered] = "leveret", [WishStatus.Rejected] = "afvist", [WishStatus.Merged] = "lagtsammen",
        [Wishes.WishSort.Support] = "stoette", [Wishes.WishSort.Priority] = "prioritet", [Wishes.WishSort.Newest] = "nyeste",
    };

    public static string Word<T>(T value) where T : struct, Enum => Words[value];

    /// <summary>The value a word stands for, in any letter case; the English code name is understood too. Null when unknown.</summary>
    public static T? Parse<T>(string? word) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(word)
            ? null
            : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v =>
                string.Equals(Words[v!.Value], word.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(v.Value.ToString(), word.Trim(), StringComparison.OrdinalIgnoreCase));
}
