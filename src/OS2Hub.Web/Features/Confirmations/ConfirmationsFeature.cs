using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Operations;

namespace OS2Hub.Web.Features.Confirmations;

public static class ConfirmationsFeature
{
    /// <summary>The yearly confirmation round: the tasks, the answers and the reminders.</summary>
    public static IServiceCollection AddConfirmations(this IServiceCollection services) => services
        .AddScoped<ConfirmationService>()
        // Every instance runs it; one reminder row per person and round keeps it to one e-mail.
        .AddPeriodicWork<ConfirmationService>(TimeSpan.FromMinutes(15), (confirmations, ct) => confirmations.RemindAsync(ct));

    public static void MapConfirmations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOneClickStop(ConfirmationService.StopPath, "/afmeld/bekraeftelse", "Unsubscribe_ReminderDone",
            (services, token, ct) => services.GetRequiredService<ConfirmationService>().StopRemindersAsync(token, ct));
}
