using JasperFx.OpenTelemetry;
using Logistics.Host.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Logistics.Host.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient (carrier pollers and webhooks), Npgsql, MassTransit and
/// Marten sources plus the host's own (<see cref="LogisticsTelemetry"/>). Metrics go to the Prometheus scrape listener
/// when <see cref="TelemetrySettings.PrometheusPort"/> is set, traces and metrics to OTLP when an endpoint is configured.
/// </summary>
public static class TelemetrySlice
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, HostSettings settings)
    {
        var t = settings.Telemetry;
        services.AddSingleton<HostMetrics>();
        services.AddSingleton<PollerBudgets>();
        // Marten's own spans (connection and session activity). Not its event counters: they are tagged with the tenant id,
        // and the scrape is shared by all tenants (logistics.events.appended counts appends without it).
        services.ConfigureMarten(opts => opts.OpenTelemetry.TrackConnections = TrackLevel.Normal);

        // Console logs are JSON lines with their scopes (raw message id, adapter, tenant: LogScopes) and the trace id.
        services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var otlp = t.OtlpEndpoint ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(t.ServiceName, serviceVersion: typeof(TelemetrySlice).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(LogisticsTelemetry.SourceName, "MassTransit", "Marten")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(LogisticsTelemetry.MeterName, "MassTransit")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (t.PrometheusPort is { } port)
                    metrics.AddPrometheusHttpListener(o =>
                    {
                        o.Host = t.PrometheusHost;
                        o.Port = port;
                    });
            });
        if (otlp is { Length: > 0 })
            builder.WithLogging().UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlp));
        return services;
    }
}
