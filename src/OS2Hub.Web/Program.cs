using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using OS2Hub.Web.Components;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Seeding;
using OS2Hub.Web.Features.Localization;
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

// Danish unless the user chose English; the browser's Accept-Language is ignored on purpose, because most
// browsers in Danish offices still send en-US and the service's language is Danish.
string[] cultures = [CultureSwitch.Danish, CultureSwitch.English];
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(CultureSwitch.Danish),
    SupportedCultures = cultures.Select(CultureInfo.GetCultureInfo).ToList(),
    SupportedUICultures = cultures.Select(CultureInfo.GetCultureInfo).ToList(),
    RequestCultureProviders = [new CookieRequestCultureProvider()],
});

app.UseAntiforgery();
app.MapStaticAssets();
app.MapCultureSwitch();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"OS2Hub kører: åbn {url} i browseren");
    }
});

app.Run();
