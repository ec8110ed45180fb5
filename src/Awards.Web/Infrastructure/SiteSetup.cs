using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Awards.Core.Common;
using Awards.Web.Authorization;
using Awards.Web.Data;
using Awards.Web.Data.Seed;
using Awards.Web.Features.Entries;
using Awards.Web.Features.Essays;
using Awards.Web.Features.Nominations;
using Awards.Web.Features.Users;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Awards.Web.Infrastructure;

/// <summary>Everything the site registers and the order of its middleware, shared by the CLI.</summary>
public static class SiteSetup
{
    public const string AccountRateLimit = "account";

    public const string EntryRateLimit = "entries";

    public const string ObjectionRateLimit = "objections";

    /// <summary>Looking up an objection's reference or a certificate's code (<see cref="RateLimitOptions.LookupsPerMinute"/>).</summary>
    public const string LookupRateLimit = "lookups";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = AppPaths.WebRoot,
        });
        var services = builder.Services;
        services.Configure<AwardsOptions>(builder.Configuration.GetSection(AwardsOptions.Section));
        services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IClock, SystemClock>();
        services.AddHttpContextAccessor();

        // Options are read when first needed, so that tests and the CLI can override any of them.
        services.AddSingleton<ContestCache>();
        services.AddSingleton<ContestChanges>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SessionEnds>();
        services.AddSingleton<SessionActivity>();
        services.AddSingleton<AccountChanges>();
        services.AddSingleton<MailChanges>();
        // Pooled: a request's contexts come from a pool with their EF services already built,
        // instead of a new internal service scope per context (a third of a signed-in request's
        // time went there; docs/PERFORMANCE.md). The context holds no state of its own.
        services.AddDbContextPool<AwardsDbContext>((provider, options) =>
        {
            DatabaseSetup.Configure(options, provider.GetRequiredService<IOptions<AwardsOptions>>().Value);
            options.AddInterceptors(provider.GetRequiredService<ContestChanges>(), provider.GetRequiredService<AccountChanges>(), provider.GetRequiredService<MailChanges>());
            // EF's check for two queries at once on one context sets an AsyncLocal on entering and
            // leaving every row read: about 30% of the judge queue's allocated bytes (docs/PERFORMANCE.md).
            // It catches a programming error, so the tests and development keep it.
            options.EnableThreadSafetyChecks(!provider.GetRequiredService<IHostEnvironment>().IsProduction());
        });
        services.AddDataProtection().SetApplicationName("Awards");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<AwardsOptions>, ILoggerFactory>((keys, awards, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(AppPaths.Resolve(awards.Value.KeysPath)), loggers));

        AddIdentity(services);

        services.AddSingleton<IMailTransport, MailTransport>();
        services.AddSingleton<MailDelivery>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<Mailbox>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Seeder>();
        services.AddScoped<Invitations>();
        services.AddScoped<UnitCorrections>();
        services.AddScoped<Features.Judging.JudgeReminders>();
        services.AddScoped<Features.Dashboard.EntrantReminders>();
        services.AddScoped<Features.Reminders.AutomaticReminderLog>();
        services.AddSingleton<Features.Reminders.DeadlineReminders>();
        services.AddScoped<Features.Results.WinnerNotices>();
        services.AddScoped<Features.Results.PrizeRevocations>();
        services.AddScoped<Features.Password.PasswordResets>();
        services.AddScoped<SiteContext>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuthorizationHandler, EntryAuthorizationHandler>();
        services.AddScoped<EntryJournal>();
        services.AddScoped<EntryWorkflow>();
        services.AddScoped<JudgeRenditions>();
        services.AddScoped<Nominations>();
        services.AddScoped<Essays>();
        services.AddScoped<Features.Scoring.JudgeWork>();
        services.AddScoped<Features.Judging.JudgingSetup>();
        services.AddScoped<Features.Judging.JudgeConflicts>();
        services.AddScoped<Features.Judging.ConflictRecords>();
        services.AddScoped<Features.Judging.ShortlistSetup>();
        services.AddScoped<Features.Judging.ScoreImport>();
        services.AddScoped<Features.Results.TrackResults>();
        services.AddScoped<Features.Results.UnitAwardResults>();
        services.AddScoped<Features.Verify.Certificates>();
        services.AddScoped<Features.NextEdition.NextEditionFiles>();
        services.AddScoped<Features.Results.PublicResults>();
        services.AddScoped<Features.Results.Objections>();
        services.AddScoped<Features.Results.ObjectionResponses>();
        services.AddScoped<Features.Results.ObjectionMails>();
        services.AddSingleton<Features.Results.ObjectionAllowance>();
        services.AddScoped<Features.Exports.ExportData>();
        services.AddScoped<Features.Exports.ExportRunner>();
        services.AddScoped<Features.Leader.LeaderDocuments>();
        services.AddScoped<Features.Leader.LeaderScope>();
        services.AddScoped<Features.Users.LeaderAwards>();
        services.AddSingleton<Features.Exports.ExportBacklog>();
        services.AddScoped<Features.EssayScreening.EssaySearch>();
        services.AddScoped<EntryQueries>();
        services.AddScoped<Features.Audit.AuditQuery>();
        // The lock first: a restore must never find the site halfway through starting (ADR 0008).
        services.AddHostedService<Data.Backups.SiteLockService>();
        // Before the initializer: the site's connections, its first ones included, leave checkpoints to it.
        services.AddHostedService<WalCheckpointer>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // After the database initializer: the worker reads the database when it starts.
        services.AddSingleton<Features.Exports.ExportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Exports.ExportWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<MailDelivery>());
        services.AddHostedService(sp => sp.GetRequiredService<Features.Reminders.DeadlineReminders>());
        services.AddHostedService<MallocTrim>();
        services.AddHostedService<SessionActivityWriter>();

        // Chinese text goes out as characters, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        services.AddSingleton<TwoFactorRequirement>();
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                options.Filters.AddService<TwoFactorRequirement>();
                options.Filters.Add(new Features.Leader.LeadersChangeNothing());
            })
            // No client-side validation library is served (every form is checked on the server, in the
            // reader's language): the data-val-* attributes would only carry the framework's English
            // defaults, such as "The … field is required." for a check box.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, TempDataCookie>());
        services.Configure<RazorViewEngineOptions>(options =>
        {
            // Views live beside their controllers: Features/<Feature>/Views (STYLE.md).
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
            options.ViewLocationFormats.Add("/Features/Shared/Views/{0}.cshtml");
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A fixed window per client address (per account for entry posts), its limit read from
            // Awards:RateLimits on each request.
            static RateLimitPartition<string> Window(HttpContext context, string key, Func<RateLimitOptions, int> limit, TimeSpan window) =>
                RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit(context.RequestServices.GetRequiredService<IOptions<AwardsOptions>>().Value.RateLimits),
                    Window = window,
                    QueueLimit = 0,
                });
            static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

            options.AddPolicy(AccountRateLimit, context => Window(context, Address(context), l => l.AccountPostsPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(EntryRateLimit, context => Window(
                context, context.User.UserId()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Address(context), l => l.EntryPostsPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(ObjectionRateLimit, context => Window(context, Address(context), l => l.ObjectionPostsPerHour, TimeSpan.FromHours(1)));
            options.AddPolicy(LookupRateLimit, context => Window(context, Address(context), l => l.LookupsPerMinute, TimeSpan.FromMinutes(1)));
            // Nothing is written: the 429 goes to the error page (UseStatusCodePagesWithReExecute),
            // which says in the site's layout what to wait for, with a way back.
            options.OnRejected = (_, _) => ValueTask.CompletedTask;
        });

        return builder;
    }

    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();

        // The host does not dispose the web root's file provider, whose watcher (asp-append-version
        // watches the static files it stamps) holds an inotify instance until the process ends: one
        // leaked per host started in a process, and the web tests start over a hundred, past the
        // per-user limit of 128.
        app.Lifetime.ApplicationStopped.Register(() => (app.Environment.WebRootFileProvider as IDisposable)?.Dispose());

        // Behind a reverse proxy (Awards:Proxies), the visitor's address comes from the proxy's
        // X-Forwarded-For, believed only from those addresses and only one hop deep.
        if (AwardsOptions.ProxyAddresses(app.Configuration[$"{AwardsOptions.Section}:{nameof(AwardsOptions.Proxies)}"]) is { Count: > 0 } proxies)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<RequestLog>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        // The language before the status pages: a 404 for /nope?culture=en is shown in English (the
        // re-executed request has no query string; the culture chosen for the original one flows on).
        app.UseRequestLocalization(Cultures.Options());
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        app.MapHealthChecks(DatabaseHealthCheck.Path, DatabaseHealthCheck.Options()).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<int>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AwardsDbContext>()
            .AddSignInManager<AwardsSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Features.Password.PasswordResetTokenProvider>(Features.Password.PasswordResets.Provider)
            // In place of Identity's authenticator provider: each code is good once (ASVS 2.8.4).
            .AddTokenProvider<Features.Security.OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        // Invitation links stay valid for a week; a forgotten password's link for 2 hours (its own provider).
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "awards.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionStamp.ValidateAsync;
            options.Events.OnSigningIn = UserSessions.SigningInAsync;
            options.Events.OnCheckSlidingExpiration = UserSessions.RenewingAsync;

            // A form sent after the session ended was not saved: the sign-in page says so (and that
            // an essay's or a nomination's text is kept on the device: KeptForms).
            options.Events.OnRedirectToLogin = context =>
            {
                var uri = HttpMethods.IsPost(context.Request.Method)
                    ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, "ended", "true")
                    : context.RedirectUri;
                context.Response.Redirect(uri);
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<IPostConfigureOptions<SecurityStampValidatorOptions>, SecurityStampInterval>();
    }

    private sealed class SecurityStampInterval : IPostConfigureOptions<SecurityStampValidatorOptions>
    {
        public void PostConfigure(string? name, SecurityStampValidatorOptions options)
        {
            // A locked or changed account is signed out within minutes, not the default 30.
            options.ValidationInterval = TimeSpan.FromMinutes(5);

            // Identity's check rebuilds the session's claims from the account, which knows nothing of
            // the session: without this, a session signed in with two-step verification lost its
            // "mfa" five minutes later (a role that requires it was sent to set it up again), and
            // every session its name (ADR 0013).
            options.OnRefreshingPrincipal = UserSessions.KeepSessionClaims;
        }
    }
}
