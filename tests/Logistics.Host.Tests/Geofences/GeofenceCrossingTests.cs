using System.Net;
using System.Text;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Geofences;

/// <summary>
/// Geofence crossings through the real pipeline (intake → translation → async daemon → timeline, outbox → RabbitMQ →
/// webhook). The oracle is written here from the documented rule (docs/location.md): a fix counts for the other side
/// only when it is past the border by the hysteresis; that many in a row (confirmFixes) confirm a crossing at the last of
/// them; a device starts outside.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class Geofence_crossings(HostFixture host, ITestOutputHelper output)
{
    const double CenterLat = 53.5400, CenterLon = 9.9800, RadiusM = 800, HysteresisM = 40;
    const int Confirm = 2;

    /// <summary>Uplinks carry whole seconds.</summary>
    static DateTimeOffset Whole(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        // Equirectangular at this scale (a few km) agrees with the great circle to far under a metre.
        var x = (lon2 - lon1) * Math.PI / 180 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = (lat2 - lat1) * Math.PI / 180;
        return Math.Sqrt(x * x + y * y) * 6371008.8;
    }

    static List<(string Code, DateTimeOffset At)> Oracle(IEnumerable<Fixes.Fix> fixes, double radius, double hysteresis, int confirm)
    {
        var inside = false;
        var run = 0;
        var crossings = new List<(string, DateTimeOffset)>();
        foreach (var f in fixes.OrderBy(f => f.At))
        {
            var d = DistanceM(CenterLat, CenterLon, f.StoredLat, f.StoredLon) - radius;
            run = (inside ? d >= hysteresis : d <= -hysteresis) ? run + 1 : 0;
            if (run < confirm) continue;
            crossings.Add((inside ? "GEOFENCE_EXITED" : "GEOFENCE_ENTERED", f.At));
            inside = !inside;
            run = 0;
        }
        return crossings;
    }

    /// <summary>A point at <paramref name="metres"/> from the centre on a bearing.</summary>
    static (double Lat, double Lon) At(double metres, double bearingDeg)
    {
        var b = bearingDeg * Math.PI / 180;
        return (CenterLat + metres * Math.Cos(b) / 6371008.8 * 180 / Math.PI,
            CenterLon + metres * Math.Sin(b) / (6371008.8 * Math.Cos(CenterLat * Math.PI / 180)) * 180 / Math.PI);
    }

    [Fact]
    public async Task a_jittery_path_crosses_exactly_where_the_oracle_says_in_event_time_order_even_when_fixes_arrive_shuffled_and_late()
    {
        var tenant = await host.CreateTenantAsync("fences " + host.RunId);
        await using var receiver = await Receiver.StartAsync();
        await tenant.Clients[Role.Shipper].PostJsonAsync("/webhooks", new { url = receiver.Url("/geo"), events = new[] { "geofence" } }, HttpStatusCode.Created);
        var fence = await tenant.Clients[Role.Shipper].PostJsonAsync("/geofences",
            new { name = "Port of Hamburg gate", center = new { lat = CenterLat, lon = CenterLon }, radiusM = RadiusM, hysteresisM = HysteresisM, confirmFixes = Confirm,
                   from = "2026-01-01T00:00:00Z" },
            HttpStatusCode.Created);
        var devEui = Uplinks.NewDevEui();
        var shipment = (await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments",
            new { reference = "PO-fence", refs = new[] { new { scheme = "container", value = Carrier.NewContainer() } }, profile = "col-2-8" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui}", from = "2026-01-01T00:00:00Z" },
            HttpStatusCode.Created);

        // Distances from the centre: approach, loiter on the border with ±25 m of GPS jitter (less than the hysteresis),
        // go deep in, come out, loiter outside the border, go in again, leave for good; one stray outlier fix deep inside.
        var random = new Random(20261201);
        var distances = new List<double>();
        for (var d = 2000.0; d > 900; d -= 100) distances.Add(d);
        for (var i = 0; i < 20; i++) distances.Add(RadiusM + (random.NextDouble() * 50 - 25));
        for (var d = 700.0; d > 200; d -= 100) distances.Add(d);
        for (var d = 300.0; d < 1200; d += 100) distances.Add(d);
        for (var i = 0; i < 15; i++) distances.Add(RadiusM + (random.NextDouble() * 50 - 25));
        distances.Add(100);                           // one outlier: a single fix never confirms
        for (var i = 0; i < 5; i++) distances.Add(1500);
        for (var d = 1400.0; d > 300; d -= 100) distances.Add(d);
        for (var d = 400.0; d < 2500; d += 150) distances.Add(d);
        var t0 = Whole(DateTimeOffset.UtcNow.AddHours(-3));
        var fixes = distances.Select((d, i) =>
        {
            var (lat, lon) = At(d, 60 + random.NextDouble() * 4);
            return new Fixes.Fix(devEui, t0.AddSeconds(30 * i), lat, lon);
        }).ToArray();
        var expected = Oracle(fixes, RadiusM, HysteresisM, Confirm);
        var naive = Oracle(fixes, RadiusM, 0, 1).Count;
        Assert.True(naive > expected.Count + 6, $"the path is jittery: a rule without hysteresis and dwell would cross {naive} times, ours {expected.Count}");
        Assert.Equal(["GEOFENCE_ENTERED", "GEOFENCE_EXITED", "GEOFENCE_ENTERED", "GEOFENCE_EXITED"], expected.Select(e => e.Code));

        // Delivered out of order: shuffled batches, each translated before the next, so later fixes are often evaluated first.
        foreach (var batch in fixes.OrderBy(_ => random.Next()).Chunk(12)) await Fixes.PostAsync(host, tenant, batch);

        List<(string Code, DateTimeOffset At)> actual = [];
        try
        {
            await HostFixture.WaitUntilAsync(async () =>
            {
                var timeline = await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/timeline");
                actual = timeline.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "geofence")
                    .Select(e => (e.GetProperty("code").GetString()!, DateTimeOffset.Parse(e.GetProperty("at").GetString()!))).ToList();
                return actual.SequenceEqual(expected);
            }, TimeSpan.FromSeconds(60), "the timeline's crossings equal the oracle's");
        }
        finally
        {
            output.WriteLine($"expected: {string.Join(", ", expected)}\nactual:   {string.Join(", ", actual)}");
        }
        await HostFixture.WaitUntilAsync(() => Task.FromResult(receiver.At("/geo").Count >= expected.Count), TimeSpan.FromSeconds(60), "geofence webhooks");
        await Task.Delay(2000);
        var ids = receiver.At("/geo").Select(r => r.Headers["webhook-id"]).ToList();
        var notified = receiver.At("/geo").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data"))
            .Select(d => (d.GetProperty("code").GetString()!, DateTimeOffset.Parse(d.GetProperty("occurredAt").GetString()!))).ToList();
        output.WriteLine($"LEDGER geofence-jitter: fixes={fixes.Length} naiveCrossings={naive} oracleCrossings={expected.Count} timelineCrossings={actual.Count} " +
                         $"missing={expected.Except(actual).Count()} extra={actual.Except(expected).Count()} webhooks={ids.Count} duplicateWebhookIds={ids.Count - ids.Distinct().Count()} " +
                         $"webhooksNotInOracle={notified.Except(expected).Count()}");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Crossings recomputed away by a late fix within the settle window are never sent: webhooks = the oracle's crossings.
        Assert.Equal(expected, notified.OrderBy(n => n.Item2).ToList());
        Assert.Equal(fence.GetProperty("id").GetString(),
            JsonDocument.Parse(receiver.At("/geo")[0].Body).RootElement.GetProperty("data").GetProperty("geofenceId").GetString());
    }

    [Fact]
    public async Task a_late_fix_between_crossings_recomputes_every_later_crossing_not_only_those_up_to_itself()
    {
        var tenant = await host.CreateTenantAsync("late fence " + host.RunId);
        await tenant.Clients[Role.Shipper].PostJsonAsync("/geofences",
            new { name = "Gate", center = new { lat = CenterLat, lon = CenterLon }, radiusM = RadiusM, hysteresisM = HysteresisM, confirmFixes = Confirm,
                   from = "2026-01-01T00:00:00Z" },
            HttpStatusCode.Created);
        var devEui = Uplinks.NewDevEui();
        var shipment = (await tenant.Clients[Role.Shipper].PostJsonAsync("/shipments",
            new { reference = "PO-late-fence", refs = new[] { new { scheme = "container", value = Carrier.NewContainer() } }, profile = "col-2-8" },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await tenant.Clients[Role.Shipper].PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui}", from = "2026-01-01T00:00:00Z" },
            HttpStatusCode.Created);

        // In, deep inside for a while, out, in again, out: four crossings. The deep-inside fixes after the first crossing are
        // held back and arrive last — later than the first crossing, earlier than the other three.
        double[] distances = [1500, 1200, 500, 400, 300, 200, 100, 150, 250, 1200, 1300, 1400, 300, 200, 1500, 1600];
        var t0 = Whole(DateTimeOffset.UtcNow.AddHours(-2));
        var fixes = distances.Select((d, i) => { var (lat, lon) = At(d, 45); return new Fixes.Fix(devEui, t0.AddMinutes(i), lat, lon); }).ToArray();
        var expected = Oracle(fixes, RadiusM, HysteresisM, Confirm);
        Assert.Equal(["GEOFENCE_ENTERED", "GEOFENCE_EXITED", "GEOFENCE_ENTERED", "GEOFENCE_EXITED"], expected.Select(e => e.Code));
        var late = fixes[5..8];
        Assert.True(late.All(f => f.At > expected[0].At && f.At < expected[1].At));

        await Fixes.PostInOrderAsync(host, tenant, fixes.Except(late));
        async Task<List<(string Code, DateTimeOffset At)>> CrossingsAsync() =>
            (await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/timeline")).GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "geofence")
                .Select(e => (e.GetProperty("code").GetString()!, DateTimeOffset.Parse(e.GetProperty("at").GetString()!))).ToList();
        await HostFixture.WaitUntilAsync(async () => (await CrossingsAsync()).SequenceEqual(expected), TimeSpan.FromSeconds(60), "the first pass's crossings");

        await Fixes.PostAsync(host, tenant, late);
        // The late page is evaluated once the geofence subscription has passed the newest stored event.
        var newest = await host.ScalarAsync("select max(seq_id) from {schema}.mt_events");
        await HostFixture.WaitUntilAsync(async () =>
            await host.ScalarAsync("select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name like 'geofence-crossings%'") >= newest,
            TimeSpan.FromSeconds(60), "the geofence subscription past the late fixes");
        var actual = await CrossingsAsync();
        output.WriteLine($"expected: {string.Join(", ", expected)}\nactual:   {string.Join(", ", actual)}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task a_polygon_fence_is_crossed_in_and_out_and_geofences_are_per_tenant()
    {
        var tenant = await host.CreateTenantAsync("polygons " + host.RunId);
        var shipper = tenant.Clients[Role.Shipper];
        // A square of about 1.1 km around (10.0, 10.0).
        var fence = await shipper.PostJsonAsync("/geofences", new
        {
            name = "Warehouse",
            from = "2026-01-01T00:00:00Z",
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 9.995, 9.995 }, new[] { 10.005, 9.995 }, new[] { 10.005, 10.005 }, new[] { 9.995, 10.005 }, new[] { 9.995, 9.995 } } } },
        }, HttpStatusCode.Created);
        var id = fence.GetProperty("id").GetString()!;
        Assert.Equal("polygon", fence.GetProperty("kind").GetString());
        var devEui = Uplinks.NewDevEui();
        var shipment = (await shipper.PostJsonAsync("/shipments",
            new { reference = "PO-poly", refs = new[] { new { scheme = "container", value = Carrier.NewContainer() } }, profile = "col-2-8" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await shipper.PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui}", from = "2026-01-01T00:00:00Z" }, HttpStatusCode.Created);
        var t0 = Whole(DateTimeOffset.UtcNow.AddHours(-1));
        // West to east along lat 10.0: outside, 5 fixes inside, outside.
        var lons = new[] { 9.98, 9.985, 9.99, 9.997, 9.999, 10.0, 10.001, 10.003, 10.01, 10.015, 10.02 };
        await Fixes.PostAsync(host, tenant, lons.Select((lon, i) => new Fixes.Fix(devEui, t0.AddMinutes(i), 10.0, lon)));
        await HostFixture.WaitUntilAsync(async () =>
            (await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/timeline")).GetProperty("entries").EnumerateArray()
            .Count(e => e.GetProperty("kind").GetString() == "geofence") == 2, TimeSpan.FromSeconds(40), "two crossings");
        var crossings = (await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/timeline")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "geofence").ToList();
        Assert.Equal(["GEOFENCE_ENTERED", "GEOFENCE_EXITED"], crossings.Select(c => c.GetProperty("code").GetString()));
        // Confirmed by the second fix past the border by 30 m: entered at 9.999 (the 5th fix), left at 10.015 (the 10th).
        Assert.Equal(t0.AddMinutes(4), DateTimeOffset.Parse(crossings[0].GetProperty("at").GetString()!));
        Assert.Equal(t0.AddMinutes(9), DateTimeOffset.Parse(crossings[1].GetProperty("at").GetString()!));
        Assert.Equal("Warehouse", crossings[0].GetProperty("location").GetProperty("name").GetString());
        // The shipment's track shows the crossings as points.
        var track = await tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/track");
        Assert.Equal(2, track.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "geofence"));

        var list = await tenant.Clients[Role.Viewer].GetJsonAsync("/geofences");
        Assert.Contains(list.GetProperty("items").Strings("id"), x => x == id);
        using (var foreign = await host.Other.Clients[Role.Viewer].GetAsync($"/geofences/{id}")) Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using (var foreignDelete = await host.Other.Clients[Role.Shipper].DeleteAsync($"/geofences/{id}")) Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        using (var delete = await shipper.DeleteAsync($"/geofences/{id}")) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var gone = await tenant.Clients[Role.Viewer].GetAsync($"/geofences/{id}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("{\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}}", "name")]
    [InlineData("{\"name\": \"x\"}", "geometry")]
    [InlineData("{\"name\": \"x\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [0,0]}}", "geometry.type")]
    [InlineData("{\"name\": \"x\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,1]]]}}", "geometry.coordinates[0]")]
    [InlineData("{\"name\": \"x\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}", "geometry.coordinates")]
    [InlineData("{\"name\": \"x\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,91],[0,0]]]}}", "geometry.coordinates[0][2]")]
    [InlineData("{\"name\": \"x\", \"center\": {\"lat\": 1, \"lon\": 2}}", "radiusM")]
    [InlineData("{\"name\": \"x\", \"center\": {\"lat\": 100, \"lon\": 2}, \"radiusM\": 5}", "center.lat")]
    [InlineData("{\"name\": \"x\", \"center\": {\"lat\": 1, \"lon\": 2}, \"radiusM\": 5, \"geometry\": {\"type\": \"Polygon\"}}", "center")]
    public async Task a_bad_geofence_is_a_400_problem_naming_where(string body, string where)
    {
        using var response = await host.Tenant.Clients[Role.Shipper].PostAsync("/geofences", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(where, (await response.ReadJsonAsync()).GetProperty("where").GetString());
    }
}
