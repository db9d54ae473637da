namespace OS2Hub.Web.Components;

public static class ComponentServices
{
    /// <summary>Interactive server rendering, and the save loop each editor gets its own of.</summary>
    public static IServiceCollection AddHubComponents(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        return services.AddTransient<Saving>();
    }
}
