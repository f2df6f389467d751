using Logistics.Host.Carriers;
using Logistics.Host.Demo;
using Logistics.Host.Devices;
using Logistics.Host.Events;
using Logistics.Host.Health;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using Logistics.Host.Locations;
using Logistics.Host.Quarantine;
using Logistics.Host.Reports;
using Logistics.Host.Translation;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Logistics.Host;

/// <summary>Builds the host; tests call it with their own settings (database schema, queue prefix) and a loopback port.</summary>
public static class LogisticsHost
{
    public static WebApplication Build(string[] args, Action<HostSettings>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = builder.Configuration.GetSection("Logistics").Get<HostSettings>() ?? new HostSettings();
        configure?.Invoke(settings);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddHostedService<InboxSchemaInitializer>();
        services.AddLogisticsStorage(settings);
        services.AddLogisticsMessaging(settings);
        services.AddSingleton<RawInbox>();
        services.AddSingleton<RawInboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RawInboxWriter>());
        services.AddSingleton<IntakePublisher>();
        services.AddSingleton<DeviceProfiles>();
        services.AddSingleton<QuarantineStore>();
        services.AddSingleton<EventAppender>();
        services.AddCarriers(settings);
        services.AddHostedService<Republisher>();
        if (settings.DemoFeed) services.AddHostedService<DemoFeed>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/", () => Results.Json(new
        {
            service = "logistics cold-chain visibility middleware",
            endpoints = new[]
            {
                "POST /ingest/{adapterId}[?codec=]", "GET /raw/{id}", "GET /quarantine", "POST /quarantine/{id}/replay",
                "GET /devices/{id}/readings?from&to", "PUT /devices/{id}/profile", "GET /assets/{id}/location",
                "POST /reports/logger-file?format=json|csv|pdf", "GET /events/recent?limit&kind",
                "GET /references/{scheme:value}/events", "GET /carriers?mode", "GET /health",
            },
        })).ExcludeFromDescription();
        app.MapIngest().MapRaw().MapQuarantine().MapDevices().MapLocations().MapLoggerFileReports().MapEvents().MapHealth();
        app.MapCarriers();
        return app;
    }
}
