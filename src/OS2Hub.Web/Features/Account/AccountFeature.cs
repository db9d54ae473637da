using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Email;

namespace OS2Hub.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>Sign-in with local accounts (Identity with cookies, lockout, Danish messages), e-mail, and the seeded accounts.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountSeeder>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        // E-mail goes through the outbox: the click that sends returns at once, a background sender delivers with retries.
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEmailSender, Outbox>();
        services.AddSingleton<OutboxSender>();
        services.AddScoped<OutboxStatus>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddCascadingAuthenticationState();
        // Keys in the database: a cookie issued by one instance is valid on another and survives a restart or a redeploy.
        services.AddDataProtection().SetApplicationName("OS2Hub").PersistKeysToDbContext<OS2HubDbContext>();
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddSingleSignOn(configuration);
        services.AddScoped<ExternalSignIn>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<AccountService>();
        // The security stamp check rebuilds the user's claims every half hour; the way they signed in must survive it.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.Identity is ClaimsIdentity current && context.NewPrincipal?.Identity is ClaimsIdentity renewed)
            {
                renewed.AddClaims(current.FindAll(c => c.Type is SignInClaims.Provider or "amr").Select(c => new Claim(c.Type, c.Value)));
            }

            return Task.CompletedTask;
        });
        // Served over HTTPS (the public address says so): cookies are Secure and carry the __Host- prefix, which the browser
        // accepts only from a secure origin, for the whole site and without a Domain, so no subdomain can set or read them.
        var https = (configuration.GetSection(OS2HubOptions.Section).Get<OS2HubOptions>() ?? new OS2HubOptions()).PublicBaseUrl.Scheme == Uri.UriSchemeHttps;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/log-ind";
            o.LogoutPath = "/konto/log-ud";
            o.AccessDeniedPath = "/konto/log-ind";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            if (https)
            {
                (o.Cookie.Name, o.Cookie.SecurePolicy, o.Cookie.Path) = ("__Host-OS2Hub", CookieSecurePolicy.Always, "/");
            }
        });
        services.AddAntiforgery(o =>
        {
            if (https)
            {
                (o.Cookie.Name, o.Cookie.SecurePolicy, o.Cookie.Path) = ("__Host-OS2Hub.Antiforgery", CookieSecurePolicy.Always, "/");
            }
        });
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(o =>
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
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<DanishIdentityErrorDescriber>();
        return services;
    }
}
