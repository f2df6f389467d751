namespace Logistics.Host.Infrastructure;

/// <summary>Settings of the live-location slices (section "Logistics:Location").</summary>
public sealed class LocationSettings
{
    /// <summary>How often each host reads newly committed positions for its SSE clients.</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How far back a client may resume with <c>Last-Event-ID</c>; older ids resume at the window's start.</summary>
    public TimeSpan StreamRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Geofence hysteresis: a fix must be this far past the border (metres) to count for the other side.</summary>
    public double GeofenceHysteresisM { get; set; } = 30;

    /// <summary>Geofence dwell: this many consecutive fixes past the border confirm a crossing.</summary>
    public int GeofenceConfirmFixes { get; set; } = 2;

    /// <summary>
    /// A geofence crossing is notified only after this long, and not at all if a late fix recomputed it away meanwhile
    /// (the timeline shows it at once).
    /// </summary>
    public TimeSpan GeofenceNotifySettle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An ETA change is notified when the newest estimate moved more than this from the last one notified.</summary>
    public TimeSpan EtaChangeThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Track responses keep at most this many points per line (Douglas–Peucker beyond it).</summary>
    public int TrackPointBudget { get; set; } = 2000;
}

/// <summary>Settings of the outbound webhooks (section "Logistics:Webhooks").</summary>
public sealed class WebhookSettings
{
    /// <summary>Allow targets on loopback and private networks (tests, the local demo). Off in production: SSRF.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>
    /// Base64 of 32 bytes: the AES-256-GCM key the subscription secrets are encrypted with at rest. Without it the host
    /// cannot create webhooks (503) — a secret must be recoverable to sign, and never stored in clear.
    /// </summary>
    public string? SecretKey { get; set; } = Environment.GetEnvironmentVariable("LOGISTICS_WEBHOOK_KEY");

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; each next one doubles (with ±25 % jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>This many failed attempts in a row (no success between) disable the subscription, with the reason.</summary>
    public int DisableAfterConsecutiveFailures { get; set; } = 30;

    /// <summary>Timeout of one delivery attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each host looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
