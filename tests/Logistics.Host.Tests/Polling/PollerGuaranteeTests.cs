using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.FakeCarrier;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Polling;

/// <summary>
/// G9: carrier 429s and outages never lose or duplicate events. The real pollers run against the fake carrier's fault
/// schedule until every event it will ever serve is stored; the ledger counts every request's arrival against the
/// Retry-After last sent (early retries), and every event the carrier has against what the API shows stored (missing,
/// extra — duplicates included). Stored events are read through the routes, per tenant.
/// </summary>
[Collection(PollingHostFixture.Collection)]
public sealed class PollerGuaranteeTests(PollingHostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task G9_no_early_retry_nothing_missing_nothing_extra()
    {
        var clock = Stopwatch.StartNew();
        host.Subscribe();
        var carrier = host.Carrier;
        var all = carrier.World.AllKeys();
        var upsB = PollingHostFixture.Options.TrackingNumbers["ups"][2];

        List<string> storedA = [], storedB = [];
        await HostFixture.WaitUntilAsync(async () =>
        {
            (storedA, storedB) = (await StoredAsync(host.Http, except: upsB), await StoredAsync(host.Other.Clients[Role.Admin], only: upsB));
            return all.IsSubsetOf(storedA.Concat(storedB));
        }, TimeSpan.FromSeconds(120), "every event the fake carrier has stored");
        var drained = clock.Elapsed;
        // A little longer: a late duplicate would show now.
        await Task.Delay(TimeSpan.FromSeconds(2));
        (storedA, storedB) = (await StoredAsync(host.Http, except: upsB), await StoredAsync(host.Other.Clients[Role.Admin], only: upsB));
        host.Settings.Polling.Subscriptions = [];

        var stored = storedA.Concat(storedB).ToList();
        var ledger = carrier.Ledger;
        var served = ledger.ServedKeys;
        var missing = all.Count(k => !stored.Contains(k));
        var extra = stored.Count - stored.Distinct().Count(all.Contains);
        // Polls in flight when the subscriptions were cleared finish first; then the host's counts must equal the carrier's.
        List<JsonElement> pollers = [];
        await HostFixture.WaitUntilAsync(async () =>
        {
            var health = await host.Anonymous.GetFromJsonAsync<JsonElement>("/health");
            pollers = [.. health.GetProperty("pollers").EnumerateArray()];
            return pollers.Sum(p => p.GetProperty("requests").GetInt64()) == carrier.Ledger.TotalRequests;
        }, TimeSpan.FromSeconds(60), "the host's request count equal to the carrier's");
        var throttledSeen = pollers.Sum(p => p.GetProperty("throttled").GetInt64());

        output.WriteLine($"LEDGER G9 pollers: requests={ledger.TotalRequests} tokensIssued={ledger.TokensIssued} " +
                         $"throttled429={ledger.Throttled} unavailable503={ledger.Unavailable} retryAfterSent={ledger.RetryAfterSent} " +
                         $"earlyRetries={ledger.EarlyRetries.Count} eventsServed={served.Count} eventsOfCarrier={all.Count} " +
                         $"eventsStored={stored.Count} missing={missing} extra={extra} unauthorized={ledger.UnauthorizedRequests} " +
                         $"timeToDrain={PollLedger.Format(drained.TotalSeconds)}s");
        foreach (var early in ledger.EarlyRetries) output.WriteLine("early: " + early);

        Assert.Empty(ledger.EarlyRetries);
        Assert.Equal(0, missing);
        Assert.Equal(0, extra);
        Assert.True(served.IsSubsetOf(all));
        // The schedule really bit: 429s with Retry-After, 503 bursts, and the pollers still got everything.
        Assert.True(ledger.Throttled >= 2 && ledger.Unavailable >= 2 && ledger.RetryAfterSent >= 2,
            $"faults injected: {ledger.Throttled} × 429, {ledger.Unavailable} × 503, {ledger.RetryAfterSent} Retry-After");
        // Tokens are cached: far fewer tokens than tracking requests of the two OAuth carriers.
        Assert.True(ledger.TokensIssued * 3 < ledger.Requests("ups") + ledger.Requests("fedex"),
            $"{ledger.TokensIssued} tokens for {ledger.Requests("ups") + ledger.Requests("fedex")} UPS/FedEx requests");
        // Tenant B sees only its number, tenant A never sees it.
        Assert.All(storedB, k => Assert.Contains(upsB, k, StringComparison.Ordinal));
        Assert.DoesNotContain(storedA, k => k.Contains(upsB, StringComparison.Ordinal));

        // /health shows every carrier's budget, and counted each 429 the carrier sent.
        Assert.Equal(["dhl", "fedex", "orbcomm-idp", "ups"], pollers.Select(p => p.GetProperty("carrier").GetString()));
        Assert.All(pollers, p => Assert.Equal(300, p.GetProperty("requestsPerMinute").GetInt32()));
        Assert.Equal(ledger.Throttled, throttledSeen);
        Assert.Equal(ledger.TotalRequests, pollers.Sum(p => p.GetProperty("requests").GetInt64()));

        // The poller metrics count the same requests by outcome, and show each carrier's budget (the fake carrier sends no
        // rate-limit headers, so it is our token bucket: at most the burst of 3).
        var metrics = host.Metrics;
        Assert.Equal(ledger.TotalRequests, metrics.TotalRequests);
        Assert.Equal(ledger.Throttled, metrics.Requests("ups", "throttled") + metrics.Requests("fedex", "throttled") + metrics.Requests("dhl", "throttled")
            + metrics.Requests("orbcomm-idp", "throttled"));
        foreach (var c in new[] { "dhl", "fedex", "orbcomm-idp", "ups" })
            Assert.Equal(ledger.Requests(c), metrics.Requests(c));
        var budgets = metrics.Budgets();
        Assert.Equal(["dhl", "fedex", "orbcomm-idp", "ups"], budgets.Keys.Order(StringComparer.Ordinal));
        Assert.All(budgets.Values, b => Assert.True(b.Limit == 3 && b.Remaining is >= 0 and <= 3, $"budget {b.Remaining}/{b.Limit}"));
    }

    [Fact]
    public async Task Each_subscription_has_its_own_cursor_and_the_mailbox_cursor_is_the_last_message_stored()
    {
        host.Subscribe();
        var lastId = 5000 + PollingHostFixture.Options.IdpMessages - 1;
        JsonElement cursors = default;
        await HostFixture.WaitUntilAsync(async () =>
        {
            cursors = await host.Http.GetFromJsonAsync<JsonElement>("/polling/cursors");
            return cursors.GetProperty("items").EnumerateArray().Any(c =>
                c.GetProperty("subscription").GetString() == "idp-a" &&
                JsonDocument.Parse(c.GetProperty("cursor").GetString()!).RootElement.GetProperty("FromId").GetInt64() == lastId);
        }, TimeSpan.FromSeconds(120), $"the IDP cursor at message {lastId}");
        var subscriptions = cursors.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("subscription").GetString()).ToList();
        Assert.Subset(subscriptions.ToHashSet(), new HashSet<string?> { "dhl-a", "fedex-a", "idp-a", "ups-a" });
        Assert.DoesNotContain("ups-b", subscriptions);   // tenant B's
        var other = await host.Other.Clients[Role.Viewer].GetFromJsonAsync<JsonElement>("/polling/cursors");
        Assert.Equal("ups-b", Assert.Single(other.GetProperty("items").EnumerateArray()).GetProperty("subscription").GetString());
    }

    /// <summary>The keys of every event the caller's tenant has stored for the fake carrier's numbers and mailbox, duplicates kept.</summary>
    async Task<List<string>> StoredAsync(HttpClient client, string? except = null, string? only = null)
    {
        var keys = new List<string>();
        foreach (var (carrierId, numbers) in PollingHostFixture.Options.TrackingNumbers)
            foreach (var number in numbers.Where(n => n != except && (only is null || n == only)))
            {
                using var response = await client.GetAsync($"/references/tracking:{number}/events");
                if (response.StatusCode == HttpStatusCode.NotFound) continue;
                response.EnsureSuccessStatusCode();
                var events = await response.Content.ReadFromJsonAsync<JsonElement>();
                keys.AddRange(events.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "milestone").Select(e => PollLedger.KeyOf(carrierId, e)));
            }
        if (only is not null) return keys;
        var recent = await client.GetFromJsonAsync<JsonElement>("/events/recent?kind=position&limit=1000");
        keys.AddRange(recent.EnumerateArray()
            .Where(e => e.GetProperty("refs")[0].GetProperty("value").GetString() == PollingHostFixture.Options.IdpMobileId)
            .Select(e => PollLedger.KeyOf("orbcomm-idp", e)));
        return keys;
    }
}
