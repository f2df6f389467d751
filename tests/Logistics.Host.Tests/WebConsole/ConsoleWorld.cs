using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;

namespace Logistics.Host.Tests.WebConsole;

/// <summary>
/// A demo-like tenant for the browser tests, made through the API only: "Demo Pharma" with a key of every role, two QA
/// people with signing passwords, shipment PO-DEMO-4711 (ocean MAEU then road DHLF, a logger with positions, 12 °C for an
/// hour on the ocean leg, 40 minutes without data), a second shipment to sign, and a quarantined message. What the API then
/// says about them (status, verdict, excursions…) is written to seed.json for the scenarios to compare the pages with.
/// </summary>
public sealed class ConsoleWorld
{
    public const string Password = "demo signing password";
    public required TestTenant Tenant { get; init; }
    public required string SeedPath { get; init; }
    public required JsonElement Main { get; init; }
    public required JsonElement MainReport { get; init; }

    public static Task<ConsoleWorld> OfAsync(HostFixture host) => host.SharedAsync("console-world", () => MakeAsync(host));

    static async Task<ConsoleWorld> MakeAsync(HostFixture host)
    {
        var tenant = await host.CreateTenantAsync("Demo Pharma");
        string User(Role r) => $"{r.Name()}@{tenant.Id}.example";
        foreach (var role in new[] { Role.Qa, Role.Admin })
            using (var put = await tenant.Clients[role].PutAsJsonAsync($"/users/{User(role)}/signing-password", new { password = Password }))
                Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        // Readings every 10 minutes for 12 hours ending about now, so the live fix posted by the map scenario is the newest.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10).AddHours(-12);
        t0 = new DateTimeOffset(t0.Year, t0.Month, t0.Day, t0.Hour, t0.Minute / 10 * 10, 0, TimeSpan.Zero);
        DateTimeOffset At(double hours) => t0.AddHours(hours);
        var main = await ShipmentDriver.RegisterAsync(host, tenant, t0, reference: "PO-DEMO-4711",
            legs: new[] { new { id = "ocean", custodian = "MAEU", mode = "ocean" }, new { id = "road", custodian = "DHLF", mode = "road" } });
        await main.PostDcsaAsync(new Carrier.Move("LOAD", "ACT", At(1), "GBSOU"), new Carrier.Move("DISC", "ACT", At(8), "NLRTM"));
        await main.PostX12Async("DHLF", ("P1", At(9)), ("AG", At(16)));
        var readings = Enumerable.Range(0, 73).Select(i => At(i / 6.0)).Where(t => t < At(6 + 1 / 6.0) || t > At(6 + 5 / 6.0))
            .Select((t, i) => (t, t >= At(3) && t <= At(4) ? 12.0 : 5.0, i % 3 == 0 ? Route((t - t0).TotalHours) : ((double, double)?)null));
        await PostReadingsAsync(host, tenant, main.DevEui, readings);

        var second = await ShipmentDriver.RegisterAsync(host, tenant, t0, reference: "PO-DEMO-4712");
        await PostReadingsAsync(host, tenant, second.DevEui, Enumerable.Range(0, 12).Select(i => (At(6 + i / 6.0), 4.5, ((double, double)?)null)));

        var broken = "{\"broken\": "u8.ToArray();
        var quarantinedId = await HostFixture.PostAsync(tenant.Clients[Role.Integrator], "tts-v3", broken);
        Assert.Equal("quarantined", (await host.WaitProcessedAsync(quarantinedId, client: tenant.Clients[Role.Admin])).GetProperty("status").GetString());
        var quarantined = await tenant.Clients[Role.Integrator].GetJsonAsync($"/quarantine/{quarantinedId}");

        // The live excursion state is kept by a subscription: wait until the summary says what the report will.
        JsonElement summary = default;
        await HostFixture.WaitUntilAsync(async () =>
            (summary = await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{main.Id}")).GetProperty("excursionState").GetString() != "none",
            TimeSpan.FromSeconds(60), "the demo shipment's live excursion state");
        var report = (await main.ReportAsync()).Json;
        // Written by hand from the seed: 12 °C on a 2–8 °C profile is an excursion on the ocean leg, and the silent 40 minutes a gap.
        Assert.Equal("alarm", report.GetProperty("verdict").GetString());
        Assert.Contains(report.GetProperty("excursions").EnumerateArray(), e => e.GetProperty("legId").GetString() == "ocean");
        Assert.Equal(1, report.GetProperty("gaps").GetArrayLength());
        var timeline = await main.TimelineAsync();

        var liveFix = Route(12 + 1 / 6.0);
        var liveBody = Path.Combine(Path.GetTempPath(), $"console-live-{host.RunId}.json");
        await File.WriteAllBytesAsync(liveBody, Uplinks.CayenneTemperature(main.DevEui, At(12 + 1 / 6.0), 5.0, liveFix, fCnt: 9000));

        var seed = new
        {
            tenantId = tenant.Id,
            tenantName = "Demo Pharma",
            password = Password,
            keys = new { viewer = tenant.Keys[Role.Viewer], qa = tenant.Keys[Role.Qa], admin = tenant.Keys[Role.Admin], integrator = tenant.Keys[Role.Integrator] },
            users = new { qa = User(Role.Qa), admin = User(Role.Admin) },
            main = new
            {
                id = main.Id,
                reference = "PO-DEMO-4711",
                asset = main.Device,
                status = summary.GetProperty("status").GetString(),
                latestMilestone = summary.GetProperty("latestMilestone").GetProperty("code").GetString(),
                excursionState = summary.GetProperty("excursionState").GetString(),
                verdict = summary.GetProperty("verdict").GetString(),
                excursions = report.GetProperty("excursions").EnumerateArray()
                    .Select(e => new { zoneId = e.GetProperty("zoneId").GetString(), start = e.GetProperty("start").GetString() }).ToList(),
                limits = report.GetProperty("profile").GetProperty("zones").GetArrayLength(),
                gaps = report.GetProperty("gaps").GetArrayLength(),
                legs = report.GetProperty("shipment").GetProperty("legs").GetArrayLength(),
                timelineCodes = timeline.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "milestone")
                    .Select(e => e.GetProperty("code").GetString()).Distinct().ToList(),
            },
            second = new { reference = "PO-DEMO-4712", container = second.Container },
            live = new { path = "/ingest/tts-v3?codec=cayenne-lpp", body = liveBody, lat = liveFix.Lat },
            quarantined = new { id = quarantinedId, reason = quarantined.GetProperty("reason").GetString(), body = "{\"broken\": " },
        };
        var seedPath = Path.Combine(Path.GetTempPath(), $"console-seed-{host.RunId}.json");
        await File.WriteAllTextAsync(seedPath, JsonSerializer.Serialize(seed));
        return new ConsoleWorld { Tenant = tenant, SeedPath = seedPath, Main = summary, MainReport = report };
    }

    /// <summary>Southampton, across the Channel to Rotterdam by 8:00 (ocean), then by road to Düsseldorf by 12:00.</summary>
    static (double Lat, double Lon) Route(double hours)
    {
        static (double, double) Lerp((double Lat, double Lon) a, (double Lat, double Lon) b, double f) =>
            (a.Lat + (b.Lat - a.Lat) * f, a.Lon + (b.Lon - a.Lon) * f);
        (double, double) southampton = (50.90, -1.40), channel = (50.30, 0.60), rotterdam = (51.95, 4.05), duesseldorf = (51.22, 6.77);
        return hours switch
        {
            < 1 => southampton,
            < 4 => Lerp(southampton, channel, (hours - 1) / 3),
            < 8 => Lerp(channel, rotterdam, (hours - 4) / 4),
            < 9 => rotterdam,
            < 12 => Lerp(rotterdam, duesseldorf, (hours - 9) / 3),
            _ => Lerp(duesseldorf, (51.25, 7.10), Math.Min(1, hours - 12)),
        };
    }

    static async Task PostReadingsAsync(HostFixture host, TestTenant tenant, string devEui, IEnumerable<(DateTimeOffset At, double Celsius, (double, double)? Fix)> readings)
    {
        var ids = new List<Guid>();
        foreach (var chunk in readings.Chunk(6))
            ids.AddRange(await Task.WhenAll(chunk.Select(r => HostFixture.PostAsync(tenant.Clients[Role.Integrator], "tts-v3",
                Uplinks.CayenneTemperature(devEui, r.At, r.Celsius, r.Fix, fCnt: (int)(r.At.ToUnixTimeSeconds() / 60 % 60000)), "cayenne-lpp"))));
        foreach (var id in ids)
            Assert.Equal("translated", (await host.WaitProcessedAsync(id, TimeSpan.FromSeconds(60), tenant.Clients[Role.Admin])).GetProperty("status").GetString());
    }
}
