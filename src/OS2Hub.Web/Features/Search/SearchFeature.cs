namespace OS2Hub.Web.Features.Search;

public static class SearchFeature
{
    /// <summary>One search across products, organisations, wishes, news, decisions, documents and questions.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) => services.AddScoped<SearchService>();
}
