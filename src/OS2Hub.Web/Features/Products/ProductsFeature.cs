namespace OS2Hub.Web.Features.Products;

public static class ProductsFeature
{
    /// <summary>The catalogue, product pages and the Markdown they render.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services) => services
        .AddSingleton<ProductCatalogService>()
        .AddScoped<ProductDetailsService>()
        .AddSingleton<MarkdownRenderer>();
}
