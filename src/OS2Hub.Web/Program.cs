using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using OS2Hub.Web.Components;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Account;
using OS2Hub.Web.Data.Seeding;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Organisations;
using OS2Hub.Web.Features.Products;

var builder = WebApplication.CreateBuilder(args);

var hubSection = builder.Configuration.GetSection(OS2HubOptions.Section);
builder.Services.Configure<OS2HubOptions>(hubSection);
var hubOptions = hubSection.Get<OS2HubOptions>() ?? new OS2HubOptions();
var databasePath = Path.GetFullPath(hubOptions.DatabasePath, builder.Environment.ContentRootPath);
Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);

// A factory, not a scoped context: a Blazor circuit lives long and one context per operation keeps it thread-safe.
builder.Services.AddDbContextFactory<OS2HubDbContext>(o => o.UseSqlite($"Data Source={databasePath}"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<ReferenceDataLoader>();
builder.Services.AddScoped<DemoDataLoader>();
builder.Services.AddScoped<ProductCatalogService>();
builder.Services.AddScoped<ProductDetailsService>();
builder.Services.AddScoped<OrganisationService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Home.HomeService>();
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<JoinWorkflowService>();
builder.Services.AddScoped<Notifier>();
builder.Services.AddScoped<AgreementStore>();
builder.Services.AddScoped<OS2Hub.Web.Features.Editing.ProductEditService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Editing.CategoryService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Editing.OrganisationEditService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Editing.ParticipationEditService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Editing.WorkingGroupService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Contacts.ContactService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Partners.PartnerService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Api.OpenDataService>();
builder.Services.AddScoped<OS2Hub.Web.Features.PublicCode.PublicCodeExport>();
builder.Services.AddScoped<OS2Hub.Web.Features.PublicCode.PublicCodeImport>();
builder.Services.AddScoped<OS2Hub.Web.Features.Economy.EconomyService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Economy.EconomyAdminService>();
builder.Services.AddScoped<OS2Hub.Web.Features.Economy.PopulationImport>();
// The open data API: enums as their names, the OpenAPI document limited to /api.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1", o =>
{
    o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
    o.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "OS2Hub – åbne data";
        // No server list: the document is read from the server it describes, and the reference page then shows no unlabelled server picker.
        document.Servers = [];
        document.Info.Description = "Offentlige fakta om OS2's produkter og organisationer: medejere, leverandører og roller, modenhed, licens, links og kilder. Ingen personoplysninger. Datoer i ISO 8601, licenser som SPDX, kommune- og regionskoder som 4-cifrede tekster. Når demodata er slået til, siger svarene det (demoData).";
        return Task.CompletedTask;
    });
});
builder.Services.AddScoped<OS2Hub.Web.Features.Users.UserAdminService>();
builder.Services.AddScoped<MembershipQueries>();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<AccountSeeder>();
builder.Services.Configure<OS2Hub.Web.Features.Email.EmailOptions>(builder.Configuration.GetSection(OS2Hub.Web.Features.Email.EmailOptions.Section));
builder.Services.AddSingleton<OS2Hub.Web.Features.Email.IEmailSender, OS2Hub.Web.Features.Email.EmailSender>();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/konto/log-ind";
    o.LogoutPath = "/konto/log-ud";
    o.AccessDeniedPath = "/konto/log-ind";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
});
builder.Services.AddAuthorization();
builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<OS2HubDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<DanishIdentityErrorDescriber>();
builder.Services.AddHostedService<DatabaseInitializer>();

// Danish letters as themselves in the HTML, not as &#xE6; entities: smaller pages, readable source.
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudLocalizer, ResxMudLocalizer>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

// Danish unless the user chose English; the browser's Accept-Language is ignored on purpose on the pages, because most
// browsers in Danish offices still send en-US and the service's language is Danish. The API honours it.
string[] cultures = [CultureSwitch.Danish, CultureSwitch.English];
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(CultureSwitch.Danish),
    SupportedCultures = cultures.Select(CultureInfo.GetCultureInfo).ToList(),
    SupportedUICultures = cultures.Select(CultureInfo.GetCultureInfo).ToList(),
    RequestCultureProviders = [new CultureSwitch.ApiAcceptLanguage(), new CookieRequestCultureProvider()],
});

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapCultureSwitch();
app.MapAccountEndpoints();
OS2Hub.Web.Features.Partners.PartnerEndpoints.MapPartnerExports(app);
app.MapOpenApi();
OS2Hub.Web.Features.PublicCode.PublicCodeEndpoints.MapPublicCodeApi(app);
OS2Hub.Web.Features.Economy.EconomyEndpoints.MapEconomy(app);
OS2Hub.Web.Features.Api.OpenDataEndpoints.MapOpenDataApi(app);
// A browsable reference for the OpenAPI document, served from the package's own files (no CDN).
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "api/reference";
    o.SwaggerEndpoint("/openapi/v1.json", "OS2Hub v1");
    o.DocumentTitle = "OS2Hub – API-reference";
    o.InjectStylesheet("/css/api-reference.css");
});
AgreementStore.MapAgreementFiles(app);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"OS2Hub kører: åbn {url} i browseren");
    }
});

app.Run();
