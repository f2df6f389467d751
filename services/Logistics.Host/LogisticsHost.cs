using Logistics.Host.Access;
using Logistics.Host.ApiDescription;
using Logistics.Host.Audit;
using Logistics.Host.Carriers;
using Logistics.Host.WebConsole;
using Logistics.Host.Devices;
using Logistics.Host.Excursions;
using Logistics.Host.Events;
using Logistics.Host.Geofences;
using Logistics.Host.Health;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using Logistics.Host.Locations;
using Logistics.Host.Notifications;
using Logistics.Host.Polling;
using Logistics.Host.Quarantine;
using Logistics.Host.Reports;
using Logistics.Host.Retention;
using Logistics.Host.ShipmentReports;
using Logistics.Host.Shipments;
using Logistics.Host.Telemetry;
using Logistics.Host.Translation;
using Logistics.Host.Webhooks;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Logistics.Host;

/// <summary>
/// Builds the host; tests call it with their own settings (database schema, queue prefix) and a loopback port.
/// Each slice registers its services with <c>AddX</c> and maps its routes with <c>MapX</c>; this file only calls them.
/// </summary>
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
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
        services.AddLogisticsStorage(settings);
        services.AddLogisticsMessaging(settings);
        services.AddAccess(settings);
        services.AddIntake(settings);
        services.AddTranslation(settings);
        services.AddQuarantine(settings);
        services.AddDevices(settings);
        services.AddLocations(settings);
        services.AddShipments(settings);
        services.AddNotifications(settings);
        services.AddGeofences(settings);
        services.AddWebhooks(settings);
        services.AddAudit(settings);
        services.AddShipmentReports(settings);
        services.AddExcursions(settings);
        services.AddPolling(settings);
        services.AddCarriers(settings);
        services.AddApiDescription(settings);
        services.AddWebConsole(settings);
        services.AddTelemetry(settings);
        services.AddRetention(settings);
        services.AddHealth(settings);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapApiDescription();
        app.MapHealth();
        app.MapAccess();
        app.MapIntake();
        app.MapQuarantine();
        app.MapDevices();
        app.MapLocations();
        app.MapEvents();
        app.MapShipments();
        app.MapGeofences();
        app.MapWebhooks();
        app.MapLoggerFileReports();
        app.MapShipmentReports();
        app.MapAudit();
        app.MapCarriers();
        app.MapRetention();
        app.MapPolling();
        return app;
    }
}
