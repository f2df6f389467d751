using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Logistics.Host.Webhooks;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Webhooks;

/// <summary>
/// Outbound webhooks end to end: a carrier milestone of a registered shipment → MilestoneRecorded on RabbitMQ → a delivery
/// → a loopback receiver. Signatures are checked by <see cref="VerifyStandardWebhook"/>, written here from the Standard
/// Webhooks specification (never by calling the host's signer).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class Outbound_webhooks(HostFixture host, ITestOutputHelper output) : IAsyncLifetime
{
    Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    /// <summary>
    /// Standard Webhooks, "Verifying webhooks": signed content = id + "." + timestamp + "." + body; key = base64-decode of the
    /// secret after "whsec_"; HMAC-SHA256; the header holds space-separated "v1,&lt;base64&gt;" signatures; timestamp within 5 min.
    /// </summary>
    static bool VerifyStandardWebhook(string secret, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var id = headers["webhook-id"];
        var timestamp = headers["webhook-timestamp"];
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)) > 300) return false;
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret.Split('_', 2)[1]));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + ".").Concat(body).ToArray());
        return headers["webhook-signature"].Split(' ').Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    async Task<(string Id, string Secret)> SubscribeAsync(TestTenant tenant, string path, params string[] events)
    {
        var created = await tenant.Clients[Role.Shipper].PostJsonAsync("/webhooks", new { url = _receiver.Url(path), events }, HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        return (created.GetProperty("id").GetString()!, secret);
    }

    /// <summary>A shipment of the tenant whose container gets one actual milestone now: one MilestoneRecorded.</summary>
    async Task<string> MilestoneAsync(TestTenant tenant)
    {
        var container = Carrier.NewContainer();
        await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments", new { reference = "PO-hook", refs = new[] { new { scheme = "container", value = container } }, profile = "col-2-8" },
            HttpStatusCode.Created);
        var raw = await HostFixture.PostAsync(tenant.Clients[Role.Integrator], "dcsa-tnt", Carrier.Dcsa(container, new Carrier.Move("LOAD", "ACT", Carrier.Utc(2026, 10, 3))));
        await host.WaitProcessedAsync(raw, client: tenant.Clients[Role.Admin]);
        return container;
    }

    async Task<IReadOnlyList<Receiver.Request>> WaitForAsync(string path, int count, int seconds = 40)
    {
        await HostFixture.WaitUntilAsync(() => Task.FromResult(_receiver.At(path).Count >= count), TimeSpan.FromSeconds(seconds), $"{count} request(s) at {path}");
        return _receiver.At(path);
    }

    async Task<JsonElement> DeliveriesAsync(TestTenant tenant, string webhook) =>
        (await tenant.Clients[Role.Viewer].GetJsonAsync($"/webhooks/{webhook}/deliveries")).GetProperty("items");

    [Fact]
    public async Task a_delivery_is_signed_per_standard_webhooks_and_never_reaches_another_tenant_s_subscription()
    {
        var a = await host.CreateTenantAsync("hooks A " + host.RunId);
        var b = await host.CreateTenantAsync("hooks B " + host.RunId);
        var (hookA, secretA) = await SubscribeAsync(a, "/a", "milestone");
        var (hookB, _) = await SubscribeAsync(b, "/b", "milestone", "geofence", "eta.changed", "excursion", "alarm", "report.version");
        var container = await MilestoneAsync(a);

        var request = (await WaitForAsync("/a", 1)).Single();
        Assert.True(VerifyStandardWebhook(secretA, request.Headers, request.Body), "signature verifies with the secret shown at creation");
        Assert.False(VerifyStandardWebhook(secretA, request.Headers, [.. request.Body, (byte)' ']), "a changed body does not verify");
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("milestone", body.GetProperty("type").GetString());
        Assert.Equal("LOADED", body.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal(a.Id, body.GetProperty("data").GetProperty("tenantId").GetString());
        var deliveries = await DeliveriesAsync(a, hookA);
        Assert.Equal(request.Headers["webhook-id"], deliveries[0].GetProperty("notificationId").GetString());
        Assert.Equal("delivered", deliveries[0].GetProperty("status").GetString());

        // B subscribed to everything; B registering the same container later must get none of A's notifications.
        await b.Clients[Role.Shipper].PostJsonAsync("/shipments", new { reference = "PO-B", refs = new[] { new { scheme = "container", value = container } }, profile = "col-2-8" },
            HttpStatusCode.Created);
        await Task.Delay(3000);
        var leaked = _receiver.At("/b").Count;
        var bDeliveries = (await DeliveriesAsync(b, hookB)).GetArrayLength();
        output.WriteLine($"LEDGER webhook-tenant-isolation: deliveredToOwner={_receiver.At("/a").Count} deliveredToOtherTenant={leaked} otherTenantDeliveryRows={bDeliveries}");
        Assert.Equal(0, leaked);
        Assert.Equal(0, bDeliveries);
        // The secret is shown once: never in a read.
        var read = await a.Clients[Role.Viewer].GetAsync($"/webhooks/{hookA}");
        Assert.DoesNotContain(secretA, await read.Content.ReadAsStringAsync());
        using var foreign = await b.Clients[Role.Viewer].GetAsync($"/webhooks/{hookA}/deliveries");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task a_500_is_retried_with_backoff_under_the_same_webhook_id_until_it_succeeds_and_a_replay_sends_it_again()
    {
        var tenant = await host.CreateTenantAsync("hooks retry " + host.RunId);
        var (hook, secret) = await SubscribeAsync(tenant, "/retry", "milestone");
        _receiver.Answer("/retry", 500, 500);
        await MilestoneAsync(tenant);
        var requests = await WaitForAsync("/retry", 3);
        Assert.Single(requests.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.All(requests, r => Assert.True(VerifyStandardWebhook(secret, r.Headers, r.Body)));
        var gaps = requests.Zip(requests.Skip(1)).Select(p => (p.Second.At - p.First.At).TotalMilliseconds).ToList();
        Assert.All(gaps, g => Assert.True(g >= 100, $"retried after {g} ms: backoff is at least 0.75 × 200 ms"));
        await HostFixture.WaitUntilAsync(async () => (await DeliveriesAsync(tenant, hook))[0].GetProperty("status").GetString() == "delivered",
            TimeSpan.FromSeconds(10), "delivered");
        var delivery = (await DeliveriesAsync(tenant, hook))[0];
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal([500, 500, 200], delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("status").GetInt32()));

        using var replay = await tenant.Clients[Role.Shipper].PostAsync($"/webhooks/{hook}/deliveries/{delivery.GetProperty("id").GetString()}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var again = await WaitForAsync("/retry", 4);
        Assert.Equal(requests[0].Headers["webhook-id"], again[^1].Headers["webhook-id"]);
        Assert.Equal(requests[0].Body, again[^1].Body);
        output.WriteLine($"LEDGER webhook-retry: attempts={again.Count} distinctIds={again.Select(r => r.Headers["webhook-id"]).Distinct().Count()} gapsMs=[{string.Join(",", gaps.Select(g => g.ToString("0")))}]");
    }

    [Fact]
    public async Task a_target_that_keeps_failing_is_disabled_with_a_reason_and_replay_waits_for_it_to_be_enabled()
    {
        var tenant = await host.CreateTenantAsync("hooks disable " + host.RunId);
        var (hook, _) = await SubscribeAsync(tenant, "/down", "milestone");
        _receiver.Answer("/down", Enumerable.Repeat(503, 50).ToArray());
        await MilestoneAsync(tenant);
        await HostFixture.WaitUntilAsync(async () => !(await tenant.Clients[Role.Viewer].GetJsonAsync($"/webhooks/{hook}")).GetProperty("enabled").GetBoolean(),
            TimeSpan.FromSeconds(40), "subscription disabled");
        var subscription = await tenant.Clients[Role.Viewer].GetJsonAsync($"/webhooks/{hook}");
        Assert.Contains("HTTP 503", subscription.GetProperty("disabledReason").GetString());
        var attempts = _receiver.At("/down").Count;
        Assert.Equal(host.Settings.Webhooks.DisableAfterConsecutiveFailures, attempts);
        await Task.Delay(1500);
        Assert.Equal(attempts, _receiver.At("/down").Count);   // nothing more is sent to a disabled subscription

        var delivery = (await DeliveriesAsync(tenant, hook))[0].GetProperty("id").GetString();
        using (var refused = await tenant.Clients[Role.Shipper].PostAsync($"/webhooks/{hook}/deliveries/{delivery}/replay", null))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        _receiver.Reset("/down");
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/webhooks/{hook}/enable", new { }, HttpStatusCode.OK);
        await HostFixture.WaitUntilAsync(async () => (await DeliveriesAsync(tenant, hook))[0].GetProperty("status").GetString() == "delivered",
            TimeSpan.FromSeconds(20), "delivered once enabled again");
        output.WriteLine($"LEDGER webhook-auto-disable: failedAttempts={attempts} reason=\"{subscription.GetProperty("disabledReason").GetString()}\"");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("http://[::ffff:127.0.0.1]:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    public async Task a_target_on_loopback_or_a_private_network_is_refused_with_422_unless_allowed(string url)
    {
        host.Settings.Webhooks.AllowPrivateTargets = false;
        try
        {
            using var response = await host.Tenant.Clients[Role.Shipper].PostAsJsonAsync("/webhooks", new { url, events = new[] { "milestone" } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.ReadJsonAsync();
            Assert.Equal("url", problem.GetProperty("where").GetString());
        }
        finally
        {
            host.Settings.Webhooks.AllowPrivateTargets = true;
        }
    }

    [Fact]
    public async Task the_connect_step_refuses_a_name_that_resolves_to_loopback_at_connect_time()
    {
        // DNS rebinding: a name checked at subscription time can resolve elsewhere later; the guard checks the address it dials.
        var guard = new TargetGuard(new Logistics.Host.Infrastructure.HostSettings());
        await Assert.ThrowsAsync<HttpRequestException>(async () => await guard.ConnectAsync(new DnsEndPoint("localhost", _receiver.BaseAddress.Port), CancellationToken.None));
        // Allowed (as in tests and the demo), the same name connects.
        var allowed = new TargetGuard(new Logistics.Host.Infrastructure.HostSettings { Webhooks = { AllowPrivateTargets = true } });
        await using (await allowed.ConnectAsync(new DnsEndPoint("localhost", _receiver.BaseAddress.Port), CancellationToken.None)) { }
        Assert.True(TargetGuard.IsSpecial(IPAddress.Parse("::ffff:10.0.0.1")));
        Assert.False(TargetGuard.IsSpecial(IPAddress.Parse("93.184.215.14")));
        Assert.False(TargetGuard.IsSpecial(IPAddress.Parse("2606:4700::1111")));
    }

    [Theory]
    [InlineData("{\"events\": [\"milestone\"]}", "url")]
    [InlineData("{\"url\": \"not a url\", \"events\": [\"milestone\"]}", "url")]
    [InlineData("{\"url\": \"https://example.com/h\"}", "events")]
    [InlineData("{\"url\": \"https://example.com/h\", \"events\": [\"milestone\", \"nope\"]}", "events[1]")]
    [InlineData("{\"url\": \"ftp://example.com/h\", \"events\": [\"milestone\"]}", "url")]
    public async Task a_bad_subscription_is_a_problem_naming_where(string body, string where)
    {
        using var response = await host.Tenant.Clients[Role.Shipper].PostAsync("/webhooks", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}");
        Assert.Equal(where, (await response.ReadJsonAsync()).GetProperty("where").GetString());
    }
}
