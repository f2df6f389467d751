using Logistics.FakeCarrier;
using Logistics.Host.Infrastructure;
using Logistics.Host.Polling;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests.Polling;

/// <summary>
/// The real host with its pollers aimed at the fake carrier on loopback (G9 fault schedule: 429 + Retry-After in seconds and
/// as a date, 503 bursts with and without it, a 2 s outage). Budgets and timeouts are short so the run takes seconds; the
/// subscriptions are set once the tenants exist (the scheduler reads them every round).
/// </summary>
public sealed class PollingHostFixture : HostFixture
{
    public const string Collection = "host polling the fake carrier";

    public static readonly FakeCarrierOptions Options = new()
    {
        Faults = FaultSchedule.G9,
        TokenLifetime = TimeSpan.FromSeconds(4),
        TrackingNumbers = new(StringComparer.Ordinal)
        {
            ["ups"] = ["1ZG9A0000000000001", "1ZG9A0000000000002", "1ZG9B0000000000003"],
            ["fedex"] = ["794600000001", "794600000002"],
            ["dhl"] = ["3000000001"],
        },
    };

    public FakeCarrierApp Carrier { get; private set; } = null!;

    /// <summary>This host's poller metrics, recorded from the first <see cref="Subscribe"/> on (nothing polls before one).</summary>
    public PollerMetricsRecorder Metrics => _metrics ??= new PollerMetricsRecorder(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    PollerMetricsRecorder? _metrics;

    protected override async Task BeforeBuildAsync() => Carrier = await FakeCarrierApp.StartAsync(Options);

    protected override void Configure(HostSettings settings)
    {
        settings.Polling.Tick = TimeSpan.FromMilliseconds(100);
        settings.Polling.Carriers = new(StringComparer.Ordinal)
        {
            ["ups"] = Account(Options.UpsClientId, Options.UpsClientSecret),
            ["fedex"] = Account(Options.FedexClientId, Options.FedexClientSecret),
            ["dhl"] = Account(Options.DhlApiKey, null),
            ["orbcomm-idp"] = Account(Options.IdpAccessId, Options.IdpPassword),
        };
    }

    CarrierAccount Account(string id, string? secret) => new()
    {
        BaseUrl = Carrier.BaseUrl,
        ClientId = id,
        ClientSecret = secret,
        RequestsPerMinute = 300,
        Burst = 3,
        TokenSkew = TimeSpan.FromSeconds(1),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
        BreakerMinimumThroughput = 6,
        BreakDuration = TimeSpan.FromSeconds(1),
    };

    /// <summary>Tenant A polls two UPS numbers, both FedEx numbers, DHL and the IDP mailbox; tenant B polls the third UPS number.</summary>
    public void Subscribe()
    {
        _ = Metrics;
        var interval = TimeSpan.FromMilliseconds(300);
        var ups = Options.TrackingNumbers["ups"];
        Settings.Polling.Subscriptions =
        [
            new PollSubscription { Id = "ups-a", Tenant = Tenant.Id, Carrier = "ups", TrackingNumbers = ups[..2], Interval = interval },
            new PollSubscription { Id = "ups-b", Tenant = Other.Id, Carrier = "ups", TrackingNumbers = [ups[2]], Interval = interval },
            new PollSubscription { Id = "fedex-a", Tenant = Tenant.Id, Carrier = "fedex", TrackingNumbers = Options.TrackingNumbers["fedex"], Interval = interval },
            new PollSubscription { Id = "dhl-a", Tenant = Tenant.Id, Carrier = "dhl", TrackingNumbers = Options.TrackingNumbers["dhl"], Interval = interval },
            new PollSubscription { Id = "idp-a", Tenant = Tenant.Id, Carrier = "orbcomm-idp", StartUtc = DateTimeOffset.UtcNow.AddMinutes(-5), Interval = interval },
        ];
    }

    public override async Task DisposeAsync()
    {
        Settings.Polling.Subscriptions = [];
        await base.DisposeAsync();
        _metrics?.Dispose();
        await Carrier.DisposeAsync();
    }
}

[CollectionDefinition(PollingHostFixture.Collection)]
public sealed class PollingHostCollection : ICollectionFixture<PollingHostFixture>;
