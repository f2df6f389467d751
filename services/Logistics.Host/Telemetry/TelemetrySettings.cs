namespace Logistics.Host.Telemetry;

/// <summary>Traces and metrics (section <c>Logistics:Telemetry</c>; docs/operations.md lists the keys).</summary>
public sealed class TelemetrySettings
{
    /// <summary>
    /// The port of the Prometheus scrape listener (<c>GET http://host:port/metrics</c>); null: no listener. It is a separate
    /// management listener, never a route of the tenant API (docs/operations.md, "Metrics" says why).
    /// </summary>
    public int? PrometheusPort { get; set; }

    /// <summary>The address the scrape listener binds; loopback unless the scraper runs on another machine.</summary>
    public string PrometheusHost { get; set; } = "127.0.0.1";

    /// <summary>
    /// OTLP export of traces and metrics; on when this is set or when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
    /// (the exporter then reads the other <c>OTEL_EXPORTER_OTLP_*</c> variables itself).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The <c>service.name</c> resource attribute of every span and metric.</summary>
    public string ServiceName { get; set; } = Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? "logistics-host";
}
