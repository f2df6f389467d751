using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class When_a_message_is_posted_to_intake(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task an_accepted_uplink_becomes_stored_readings_and_a_location()
    {
        var devEui = Uplinks.NewDevEui();
        var time = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var id = await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(devEui, time, 4.7, (51.9225, 4.4792)), codec: "cayenne-lpp");

        var raw = await host.WaitProcessedAsync(id);
        Assert.Equal("translated", raw.GetProperty("status").GetString());
        Assert.Equal(2, raw.GetProperty("eventCount").GetInt32());

        var readings = await host.Http.GetFromJsonAsync<JsonElement>($"/devices/devEui:{devEui}/readings");
        var reading = Assert.Single(readings.GetProperty("readings").EnumerateArray());
        Assert.Equal("temperature", reading.GetProperty("type").GetString());
        Assert.Equal(4.7, reading.GetProperty("value").GetDouble(), 6);
        Assert.Equal("CEL", reading.GetProperty("unit").GetString());
        Assert.Equal("2026-03-01T10:00:00Z", reading.GetProperty("occurredAt").GetString());

        var location = await host.Http.GetFromJsonAsync<JsonElement>($"/assets/{devEui}/location");
        Assert.Equal(51.9225, location.GetProperty("lat").GetDouble(), 4);
        Assert.Equal(4.4792, location.GetProperty("lon").GetDouble(), 4);
    }

    [Fact]
    public async Task readings_can_be_bounded_in_time()
    {
        var devEui = Uplinks.NewDevEui();
        var t0 = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await host.PostAsync("tts-v3", Uplinks.CayenneTemperature(devEui, t0.AddMinutes(10 * i), 5 + i, fCnt: i), codec: "cayenne-lpp"));
        foreach (var id in ids) await host.WaitProcessedAsync(id);

        var page = await host.Http.GetFromJsonAsync<JsonElement>(
            $"/devices/{devEui}/readings?from=2026-03-02T00:10:00Z&to=2026-03-02T00:30:00Z");
        Assert.Equal([6.0, 7.0], page.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value").GetDouble()));

        using var bad = await host.Http.GetAsync($"/devices/{devEui}/readings?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task the_same_body_posted_three_times_gives_one_set_of_events()
    {
        var devEui = Uplinks.NewDevEui();
        var body = Uplinks.CayenneTemperature(devEui, new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), 6.1, (50.1, 8.6));
        var started = DateTime.UtcNow;
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await host.PostAsync("tts-v3", body, codec: "cayenne-lpp"));
        foreach (var id in ids)
            Assert.Equal("translated", (await host.WaitProcessedAsync(id)).GetProperty("status").GetString());

        var stored = await host.ScalarAsync("select count(*) from {schema}.mt_events where stream_id = $1", $"device:devEui:{devEui}");
        var translatedPerMessage = (await host.RawAsync(ids[0])).GetProperty("eventCount").GetInt32();
        var ledger = new Ledger(Sent: 3, Accepted: ids.Distinct().Count(), Rejected: 0, EventsStored: stored,
            UniqueKeys: translatedPerMessage, DuplicatesSuppressed: 3 * translatedPerMessage - stored, FaultsInjected: 0,
            TimeToDrain: DateTime.UtcNow - started);
        ledger.Report(output, nameof(the_same_body_posted_three_times_gives_one_set_of_events));

        Assert.Equal(3, ledger.Accepted);
        Assert.Equal(2, translatedPerMessage);
        Assert.Equal(0, ledger.Missing);
        Assert.Equal(0, ledger.Extra);
    }

    [Fact]
    public async Task an_unknown_adapter_is_a_404_problem()
    {
        using var response = await host.Http.PostAsync("/ingest/no-such-carrier", new ByteArrayContent("{}"u8.ToArray()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no-such-carrier", problem.GetProperty("title").GetString());
        Assert.Contains("tts-v3", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task an_oversized_body_is_a_413_problem_and_is_not_stored()
    {
        var before = await host.ScalarAsync("select count(*) from {schema}.raw_messages");
        using var response = await host.Http.PostAsync("/ingest/tts-v3", new ByteArrayContent(new byte[host.Settings.MaxBodyBytes + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await host.ScalarAsync("select count(*) from {schema}.raw_messages"));
    }

    [Fact]
    public async Task the_raw_message_is_stored_with_its_hash_headers_source_and_receive_time_and_credentials_redacted()
    {
        var body = Uplinks.CayenneTemperature(Uplinks.NewDevEui(), DateTimeOffset.UtcNow, 3.0);
        var integratorKey = host.Tenant.Keys[Logistics.Access.Role.Integrator];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ingest/tts-v3?codec=cayenne-lpp") { Content = new ByteArrayContent(body) };
        request.Headers.Add("Authorization", $"Bearer {integratorKey}");
        request.Headers.Add("X-Downlink-Apikey", "NNSXS.SECRET-DOWNLINK-KEY");
        request.Headers.Add("X-Api-Key", "api-key-secret");
        request.Headers.Add("Cookie", "session=cookie-secret");
        request.Headers.Add("X-Auth-Token", "token-secret");
        request.Headers.Add("X-Tts-Domain", "eu1.cloud.thethings.network");
        using var response = await host.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("rawMessageId").GetGuid();

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), accepted.GetProperty("sha256").GetString());
        Assert.Equal(body.Length, await host.ScalarAsync("select size from {schema}.raw_messages where id = $1", id));
        Assert.Equal("127.0.0.1", (await host.RawAsync(id)).GetProperty("sourceAddress").GetString());

        // Read the stored row back (GUARANTEES G12): credential headers keep their name, never their value.
        await using var cmd = host.Db.CreateCommand($"select headers::text from {host.RunId}.raw_messages where id = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        var stored = (string)(await cmd.ExecuteScalarAsync())!;
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(stored)!.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        string[] secrets = [integratorKey, "SECRET-DOWNLINK-KEY", "api-key-secret", "cookie-secret", "token-secret"];
        var leaked = secrets.Count(stored.Contains);
        foreach (var name in new[] { "Authorization", "X-Downlink-Apikey", "X-Api-Key", "Cookie", "X-Auth-Token" })
            Assert.Equal("[redacted]", headers[name]);
        Assert.Equal("eu1.cloud.thethings.network", headers["X-Tts-Domain"]);
        output.WriteLine($"LEDGER G12 intake-header-redaction: credentialHeadersSent=5 redacted={headers.Values.Count(v => v == "[redacted]")} secretsInRawRow={leaked}");
        Assert.Equal(0, leaked);
    }

    [Fact]
    public async Task health_reports_postgres_rabbitmq_and_consumer_lag()
    {
        var health = await host.Http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("healthy", health.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("rabbitMq").GetProperty("status").GetString());
        Assert.True(health.GetProperty("consumer").GetProperty("pending").GetInt64() >= 0);
    }
}
