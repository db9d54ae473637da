namespace OS2Hub.Web.Components;

public static class ComponentServices
{
    /// <summary>Interactive server rendering with limits chosen for this hub, and the save loop each editor gets its own of.</summary>
    public static IServiceCollection AddHubComponents(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            // Exception details reach the browser only on a developer's machine; elsewhere they would show internals.
            o.DetailedErrors = environment.IsDevelopment();

            // A phone that loses its network keeps its circuit (and what was typed) for three minutes, the default; the
            // cap is lowered from 100 to 50 so that a burst of dropped connections cannot hold much memory per instance.
            o.DisconnectedCircuitMaxRetained = 50;
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);

            // Renders waiting for a slow client are capped, so one slow connection cannot make the server buffer without end.
            o.MaxBufferedUnacknowledgedRenderBatches = 10;

            // A JS call that never answers (a closed tab mid-call) is given up after a minute instead of holding the circuit.
            o.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
        }).AddHubOptions(o =>
        {
            // The largest message a browser may send. Uploads arrive in small chunks, but a publiccode.yml pasted into its
            // text box arrives whole, and the validator accepts files up to 1 MiB; anything larger is refused unread.
            o.MaximumReceiveMessageSize = 1024 * 1024 + 64 * 1024;
        });
        return services.AddTransient<Saving>();
    }
}
