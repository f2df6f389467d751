namespace Logistics.Host.Infrastructure;

/// <summary>Settings from configuration (section "Logistics") and the environment the local scripts export.</summary>
public sealed class HostSettings
{
    public string Postgres { get; set; } =
        Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES")
        ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics;Pooling=true;Maximum Pool Size=40";

    public string RabbitMq { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ") ?? "rabbitmq://127.0.0.1:25672";

    /// <summary>PostgreSQL schema for the event store and the inbox; tests use one per run.</summary>
    public string Schema { get; set; } = "logistics";

    /// <summary>Prefix of queue names; tests use one per run so that hosts never consume each other's work.</summary>
    public string QueuePrefix { get; set; } = "logistics";

    /// <summary>Largest raw body accepted (413 above it). Carrier snapshots can be large; LPWAN uplinks are ~1 KB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long an intake request waits for a publisher confirm before leaving the message to the re-publisher.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A stored message not confirmed as published after this long is sent again by the re-publisher.</summary>
    public TimeSpan RepublishAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A published message still untranslated after this long is sent again (a lost or stuck delivery).</summary>
    public TimeSpan RedriveAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RepublishInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Translate batch: at most this many messages, waiting at most <see cref="BatchTimeLimit"/> to fill it.</summary>
    public int BatchSize { get; set; } = 500;

    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(50);

    public string TranslateQueue => $"{QueuePrefix}-translate";

    /// <summary>The built web console (Vite's output, copied beside the host as <c>console/</c>), served at <c>/console/</c>.</summary>
    public string ConsoleRoot { get; set; } = Path.Combine(AppContext.BaseDirectory, "console");

    /// <summary>Live location: the SSE feed, geofences and ETA notifications (docs/location.md).</summary>
    public LocationSettings Location { get; set; } = new();

    /// <summary>Outbound webhooks (docs/webhooks.md); <c>Logistics__Webhooks__AllowPrivateTargets=true</c> for tests and the demo.</summary>
    public WebhookSettings Webhooks { get; set; } = new();

    /// <summary>Retention defaults per kind of record and the purge interval (docs/operations.md, "Retention").</summary>
    public Retention.RetentionSettings Retention { get; set; } = new();

    /// <summary>Traces and metrics: the Prometheus scrape listener and OTLP export (docs/operations.md).</summary>
    public Telemetry.TelemetrySettings Telemetry { get; set; } = new();

    /// <summary>The audit trail's signing key (base64, 32 bytes or more); never stored in the database (docs/audit-trail.md).</summary>
    public string? AuditKey { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY");

    /// <summary>Where the audit key is kept when <see cref="AuditKey"/> is not set; created with a random key on first start.</summary>
    public string AuditKeyFile { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY_FILE") ?? Logistics.Access.Audit.AuditKey.DefaultFile;
}
