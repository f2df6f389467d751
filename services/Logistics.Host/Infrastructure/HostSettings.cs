namespace Logistics.Host.Infrastructure;

/// <summary>Settings from configuration (section "Logistics") and the environment the local scripts export.</summary>
public sealed class HostSettings
{
    public string Postgres { get; set; } =
        Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES")
        ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics;Pooling=true;Maximum Pool Size=40";

    public string RabbitMq { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ") ?? "rabbitmq://127.0.0.1:25672";

    /// <summary>Broker credentials (RabbitMQ's guest account works on loopback only).</summary>
    public string RabbitMqUsername { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ_USERNAME") ?? "guest";

    public string RabbitMqPassword { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ_PASSWORD") ?? "guest";

    /// <summary>
    /// RabbitMQ cluster nodes as <c>host:port</c>, comma-separated (e.g. the local 3-node cluster); empty for one node at
    /// <see cref="RabbitMq"/>. The bus and the consumer supervisor connect to any node that answers.
    /// </summary>
    public string RabbitMqCluster { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ_CLUSTER") ?? "";

    /// <summary>PostgreSQL schema for the event store and the inbox; tests use one per run.</summary>
    public string Schema { get; set; } = "logistics";

    /// <summary>Prefix of queue names; tests use one per run so that hosts never consume each other's work.</summary>
    public string QueuePrefix { get; set; } = "logistics";

    /// <summary>
    /// Whether this host takes part in the async daemon's leader election (HotCold: one host of a schema runs the
    /// subscriptions and async projections, the others stand by). False for a host that serves only the API and
    /// translation: it never holds the daemon's lock, so it can neither take the work over nor keep it from the others.
    /// </summary>
    public bool RunsAsyncDaemon { get; set; } = true;

    /// <summary>Largest raw body accepted (413 above it). Carrier snapshots can be large; LPWAN uplinks are ~1 KB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long an intake request waits for a publisher confirm before leaving the message to the re-publisher.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A stored message not confirmed as published after this long is sent again by the re-publisher.</summary>
    public TimeSpan RepublishAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A published message still untranslated after this long is sent again (a lost or stuck delivery).</summary>
    public TimeSpan RedriveAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RepublishInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many messages are sent per re-publisher pass.</summary>
    public int RepublishBatch { get; set; } = 1000;

    /// <summary>A message's re-sends back off exponentially from <see cref="RepublishAfter"/> up to this interval.</summary>
    public TimeSpan RepublishMaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Translation partitions: a raw message is translated and appended by the one active consumer of the partition its
    /// stream key hashes to, so two writers never append to the same stream at once. Every host of a deployment must use
    /// the same number; change it only with the translate queues drained.
    /// </summary>
    public int TranslatePartitions { get; set; } = 4;

    /// <summary>How often the consumer supervisor asks the broker whether our translate queues have consumers.</summary>
    public TimeSpan ConsumerCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A translate queue without a consumer for this long, while the broker answers, gets its receive endpoint restarted.</summary>
    public TimeSpan ConsumerMissingGrace { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Between two restarts of the same endpoint; doubles while its consumer stays missing, up to 2 min.</summary>
    public TimeSpan EndpointRestartBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Translate batch: at most this many messages, waiting at most <see cref="BatchTimeLimit"/> to fill it.</summary>
    public int BatchSize { get; set; } = 500;

    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Stage one: any host takes a stored message's reference from here and routes it to its partition.</summary>
    public string TranslateQueue => $"{QueuePrefix}-translate";

    /// <summary>The built web console (Vite's output, copied beside the host as <c>console/</c>), served at <c>/console/</c>.</summary>
    public string ConsoleRoot { get; set; } = Path.Combine(AppContext.BaseDirectory, "console");

    /// <summary>The direct exchange that routes a reference to its partition queue (routing key = partition number).</summary>
    public string PartitionExchange => $"{QueuePrefix}-translate-partitions";

    /// <summary>Stage two: partition <paramref name="partition"/>'s queue, single active consumer across all hosts.</summary>
    public string PartitionQueue(int partition) => $"{QueuePrefix}-translate-p{partition}";

    /// <summary>Every queue a translate consumer of ours must be on: stage one and each partition.</summary>
    public IReadOnlyList<string> TranslateQueues =>
        [TranslateQueue, .. Enumerable.Range(0, TranslatePartitions).Select(PartitionQueue)];

    /// <summary>The broker nodes as host:port, from <see cref="RabbitMqCluster"/> or the single <see cref="RabbitMq"/> URI.</summary>
    public IReadOnlyList<(string Host, int Port)> RabbitMqNodes =>
        string.IsNullOrWhiteSpace(RabbitMqCluster)
            ? [(new Uri(RabbitMq).Host, new Uri(RabbitMq).Port is > 0 and var port ? port : 5672)]
            : RabbitMqCluster.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => (n[..n.LastIndexOf(':')], int.Parse(n[(n.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();

    /// <summary>Live location: the SSE feed, geofences and ETA notifications (docs/location.md).</summary>
    public LocationSettings Location { get; set; } = new();

    /// <summary>Outbound webhooks (docs/webhooks.md); <c>Logistics__Webhooks__AllowPrivateTargets=true</c> for tests and the demo.</summary>
    public WebhookSettings Webhooks { get; set; } = new();

    /// <summary>Retention defaults per kind of record and the purge interval (docs/operations.md, "Retention").</summary>
    public Retention.RetentionSettings Retention { get; set; } = new();

    /// <summary>Traces and metrics: the Prometheus scrape listener and OTLP export (docs/operations.md).</summary>
    public Telemetry.TelemetrySettings Telemetry { get; set; } = new();

    /// <summary>Carrier pollers: accounts and the tenants' subscriptions (docs/pollers.md).</summary>
    public Logistics.Host.Polling.PollingSettings Polling { get; set; } = new();

    /// <summary>The audit trail's signing key (base64, 32 bytes or more); never stored in the database (docs/audit-trail.md).</summary>
    public string? AuditKey { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY");

    /// <summary>Where the audit key is kept when <see cref="AuditKey"/> is not set; created with a random key on first start.</summary>
    public string AuditKeyFile { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY_FILE") ?? Logistics.Access.Audit.AuditKey.DefaultFile;
}
