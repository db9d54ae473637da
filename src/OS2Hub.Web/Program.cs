using MudBlazor.Services;
using OS2Hub.Web.Components;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Account;
using OS2Hub.Web.Features.Api;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Wishes;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Confirmations;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Following;
using OS2Hub.Web.Features.Questions;
using OS2Hub.Web.Features.Search;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Features.Insights;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Operations;
using OS2Hub.Web.Features.Organisations;
using OS2Hub.Web.Features.Partners;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.PublicCode;
using OS2Hub.Web.Features.Setup;

var builder = WebApplication.CreateBuilder(args);
if (Backup.IsRequested(args))
{
    return Backup.Run(args, builder.Configuration, builder.Environment.ContentRootPath, Console.Out);
}

HubDatabase database;
try
{
    database = DatabaseConfiguration.Read(builder.Configuration, builder.Environment.ContentRootPath);
    await DatabaseConfiguration.CheckReachableAsync(database);
    SingleSignOn.Check(builder.Configuration);
}
catch (SetupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Logging.AddHubLogging(builder.Environment);
builder.Services.AddHubData(builder.Configuration, database).AddSetup().AddLiveEvents(database);
builder.Services.AddAccounts(builder.Configuration).AddAccess();
builder.Services.AddProducts().AddOrganisations().AddMemberships().AddEditing().AddEconomy().AddPublicCode().AddPartners().AddWishes().AddCommunity();
builder.Services.AddFollowing().AddQuestions().AddSearch().AddInsights().AddConfirmations();
builder.Services.AddOpenDataApi().AddImport();
builder.Services.AddOperations(builder.Configuration).AddHubRateLimits(builder.Configuration);
builder.Services.AddHubComponents(builder.Environment);
builder.Services.AddMudServices();
builder.Services.AddHubLocalization(); // after MudBlazor, so its localiser is replaced by ours

var app = builder.Build();

app.UseForwardedHeaders(); // from the proxies named in settings only
app.UseSecurityHeaders(); // early, so error pages and static files carry the headers too
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseHubLocalization();
app.UseHubRateLimits(); // after the language is chosen, so a refusal is in the user's language
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapOperations();
app.MapStaticAssets();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapMemberships();
app.MapWishes();
app.MapCommunity();
app.MapFollowing();
app.MapConfirmations();
app.MapInsights();
app.MapOpenDataApi();
app.MapImport();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"OS2Hub kører: åbn {url} i browseren");
    }
});

try
{
    app.Run();
}
catch (SetupException e)
{
    // A setting or an unreachable database: the sentence says which, and a stack trace would only bury it.
    Console.Error.WriteLine(e.Message);
    return 1;
}

return 0;
