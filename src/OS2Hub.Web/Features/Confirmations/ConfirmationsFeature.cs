using OS2Hub.Web.Features.Email;

namespace OS2Hub.Web.Features.Confirmations;

public static class ConfirmationsFeature
{
    /// <summary>The yearly confirmation round: the tasks, the answers and the reminders.</summary>
    public static IServiceCollection AddConfirmations(this IServiceCollection services) => services
        .AddScoped<ConfirmationService>()
        .AddHostedService<ConfirmationReminderWorker>();

    public static void MapConfirmations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOneClickStop(ConfirmationService.StopPath, "/afmeld/bekraeftelse", "Unsubscribe_ReminderDone",
            (services, token, ct) => services.GetRequiredService<ConfirmationService>().StopRemindersAsync(token, ct));
}
