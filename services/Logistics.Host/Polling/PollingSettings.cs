namespace Logistics.Host.Polling;

/// <summary>
/// Pollers (docs/pollers.md), section <c>Logistics:Polling</c>: one account per carrier (<see cref="Carriers"/>, keyed by the
/// adapter id: <c>ups</c>, <c>fedex</c>, <c>dhl</c>, <c>orbcomm-idp</c>) and the tenants' subscriptions. The scheduler reads
/// <see cref="Subscriptions"/> again on every round, so a host configured in code can replace the list while it runs.
/// </summary>
public sealed class PollingSettings
{
    /// <summary>How often each carrier's worker looks for due subscriptions.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(1);

    public Dictionary<string, CarrierAccount> Carriers { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PollSubscription> Subscriptions { get; set; } = [];

    /// <summary>A subscription being polled by one host is left alone by the others for this long (its lease).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>One carrier account: where its API is, its credentials, its request budget and the resilience settings.</summary>
public sealed class CarrierAccount
{
    public Uri? BaseUrl { get; set; }

    /// <summary>OAuth2 client credentials (UPS, FedEx), the API key (DHL) or the mailbox's access id and password (ORBCOMM IDP).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The request budget: at most this many requests a minute (token requests and retries included)…</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>…in bursts of at most this many.</summary>
    public int Burst { get; set; } = 5;

    /// <summary>A cached token is refreshed this long before the carrier says it expires.</summary>
    public TimeSpan TokenSkew { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay when the carrier sends no <c>Retry-After</c>; exponential with jitter from there.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>One poll request with its retries (and the Retry-After waits between them) gives up after this long.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The circuit opens when at least half of <see cref="BreakerMinimumThroughput"/> or more requests in 30 s fail…</summary>
    public int BreakerMinimumThroughput { get; set; } = 6;

    /// <summary>…and stays open (no request sent) this long.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// What one tenant polls at one carrier: tracking numbers (ups, fedex, dhl) or a mailbox's return messages (orbcomm-idp,
/// from <see cref="StartUtc"/> on the first poll). The cursor is kept per (tenant, carrier, id).
/// </summary>
public sealed record PollSubscription
{
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    /// <summary>The carrier's adapter id: the responses are raw messages for that adapter.</summary>
    public required string Carrier { get; init; }

    public IReadOnlyList<string> TrackingNumbers { get; init; } = [];

    public DateTimeOffset? StartUtc { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);
}
