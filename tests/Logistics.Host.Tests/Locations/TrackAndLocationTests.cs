using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Locations;

[Collection(HostCollection.Name)]
public sealed class Tracks_and_the_current_location(HostFixture host, ITestOutputHelper output)
{
    static Fixes.Fix[] Path(string devEui, DateTimeOffset t0, int n) =>
        Enumerable.Range(0, n).Select(i => new Fixes.Fix(devEui, t0.AddMinutes(i), 51.0 + i * 0.01, 4.0 + Math.Sin(i / 5.0) * 0.05)).ToArray();

    [Fact]
    public async Task shuffled_late_fixes_are_placed_in_time_on_the_track_and_never_move_the_location_backwards()
    {
        var tenant = host.Tenant;
        var devEui = Uplinks.NewDevEui();
        var t0 = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var path = Path(devEui, t0, 40);
        var shuffled = path.OrderBy(_ => Random.Shared.Next()).ToArray();
        var regressions = 0;
        DateTimeOffset newestSent = DateTimeOffset.MinValue;
        var viewer = tenant.Clients[Role.Viewer];
        // Batches of 5, each translated before the next: late fixes arrive after newer ones already are the location.
        foreach (var batch in shuffled.Chunk(5))
        {
            await Fixes.PostAsync(host, tenant, batch);
            newestSent = batch.Select(b => b.At).Append(newestSent).Max();
            var location = await viewer.GetJsonAsync($"/assets/{devEui}/location");
            if (DateTimeOffset.Parse(location.GetProperty("occurredAt").GetString()!) < newestSent) regressions++;
        }
        var track = await viewer.GetJsonAsync($"/assets/devEui:{devEui}/track?maxPoints=1000");
        Assert.Equal("FeatureCollection", track.GetProperty("type").GetString());
        var line = track.GetProperty("features")[0];
        Assert.Equal("LineString", line.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
        Assert.Equal(path.Select(p => (p.StoredLon, p.StoredLat)), coordinates);
        var times = line.GetProperty("properties").GetProperty("coordTimes").EnumerateArray().Select(t => DateTimeOffset.Parse(t.GetString()!)).ToList();
        Assert.Equal(path.Select(p => p.At), times);
        var final = await viewer.GetJsonAsync($"/assets/{devEui}/location");
        Assert.Equal(path[^1].StoredLat, final.GetProperty("lat").GetDouble(), 6);
        var late = final.GetProperty("lateFixCount").GetInt32();
        output.WriteLine($"LEDGER G3 track-late-fixes: sent={path.Length} onTrack={coordinates.Count} late={late} locationRegressions={regressions} " +
                         $"orderViolations={times.Zip(times.Skip(1)).Count(p => p.Second < p.First)}");
        Assert.Equal(0, regressions);
        Assert.True(late > 0, "the shuffle delivered some fixes late");

        // A window and a point budget: the endpoints are kept, the most significant points in between.
        var windowed = await viewer.GetJsonAsync($"/assets/devEui:{devEui}/track?from={t0.AddMinutes(10):yyyy-MM-ddTHH:mm:ssZ}&to={t0.AddMinutes(30):yyyy-MM-ddTHH:mm:ssZ}&maxPoints=5");
        var props = windowed.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal(20, props.GetProperty("fixes").GetInt32());
        Assert.Equal(5, props.GetProperty("points").GetInt32());
        Assert.True(props.GetProperty("simplified").GetBoolean());
        var kept = props.GetProperty("coordTimes").EnumerateArray().Select(t => DateTimeOffset.Parse(t.GetString()!)).ToList();
        Assert.Equal(t0.AddMinutes(10), kept[0]);
        Assert.Equal(t0.AddMinutes(29), kept[^1]);
    }

    [Fact]
    public async Task a_fix_with_its_clock_in_the_future_is_kept_but_never_becomes_the_location_nor_draws_the_track()
    {
        var devEui = Uplinks.NewDevEui();
        var now = DateTimeOffset.UtcNow;
        await Fixes.PostAsync(host, host.Tenant, [new Fixes.Fix(devEui, now.AddMinutes(-5), 10, 10)]);
        await Fixes.PostAsync(host, host.Tenant, [new Fixes.Fix(devEui, now.AddDays(3), 20, 20)]);
        var viewer = host.Tenant.Clients[Role.Viewer];
        var location = await viewer.GetJsonAsync($"/assets/{devEui}/location");
        Assert.Equal(10, location.GetProperty("lat").GetDouble());
        Assert.Equal(1, location.GetProperty("flaggedFixCount").GetInt32());
        var track = await viewer.GetJsonAsync($"/assets/{devEui}/track");
        Assert.Equal(1, track.GetProperty("features")[0].GetProperty("properties").GetProperty("fixes").GetInt32());
        var near = await viewer.GetJsonAsync("/assets?near=20,20&radiusKm=5");
        Assert.DoesNotContain(near.GetProperty("items").Strings("id"), id => id == "devEui:" + devEui);
        // The reading itself is kept, flagged.
        var readings = await viewer.GetJsonAsync($"/devices/devEui:{devEui}/readings");
        Assert.Equal(2, readings.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task a_fix_its_device_marks_invalid_or_at_null_island_is_kept_flagged_but_never_becomes_the_location_and_an_out_of_range_one_is_quarantined()
    {
        var devEui = Uplinks.NewDevEui();
        var now = DateTimeOffset.UtcNow;
        var integrator = host.Tenant.Clients[Role.Integrator];
        async Task<JsonElement> Post(byte[] body, string codec) =>
            await host.WaitProcessedAsync(await HostFixture.PostAsync(integrator, "tts-v3", body, codec), TimeSpan.FromSeconds(60), host.Tenant.Clients[Role.Admin]);

        // A good fix first; then, each newer than it, one the tracker itself marks invalid (T622 valid byte 0) and one
        // at 0°, 0° from a format with no validity bit (Cayenne LPP): neither may move the location.
        Assert.Equal("translated", (await Post(Uplinks.T622(devEui, now.AddMinutes(-30), 51.5, 4.25, valid: true, fCnt: 1), "t622")).GetProperty("status").GetString());
        Assert.Equal("translated", (await Post(Uplinks.T622(devEui, now.AddMinutes(-20), 40.5, 14.25, valid: false, fCnt: 2), "t622")).GetProperty("status").GetString());
        await Fixes.PostAsync(host, host.Tenant, [new Fixes.Fix(devEui, now.AddMinutes(-10), 0, 0)]);
        // An out-of-range latitude (Cayenne int24 / 1e4 reaches ±838°) is not a fix at all: the codec refuses it, the
        // message is quarantined with the reason, nothing reaches the location.
        var outOfRange = await Post(Uplinks.CayenneTemperature(devEui, now.AddMinutes(-5), 5.0, (95.0, 4.0), fCnt: 4), "cayenne-lpp");
        Assert.Equal("quarantined", outOfRange.GetProperty("status").GetString());
        Assert.Contains("latitude", outOfRange.GetProperty("reason").GetString());

        var viewer = host.Tenant.Clients[Role.Viewer];
        var location = await viewer.GetJsonAsync($"/assets/{devEui}/location");
        Assert.Equal((51.5, 4.25), (location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble()));
        Assert.Equal(3, location.GetProperty("fixCount").GetInt32());
        Assert.Equal(2, location.GetProperty("flaggedFixCount").GetInt32());
        Assert.Equal(0, location.GetProperty("lateFixCount").GetInt32());
        var track = await viewer.GetJsonAsync($"/assets/{devEui}/track");
        var line = track.GetProperty("features")[0];
        Assert.Equal(1, line.GetProperty("properties").GetProperty("fixes").GetInt32());
        Assert.Equal("Point", line.GetProperty("geometry").GetProperty("type").GetString());
        foreach (var (lat, lon) in new[] { (40.5, 14.25), (0.0, 0.0) })
        {
            var near = await viewer.GetJsonAsync(FormattableString.Invariant($"/assets?near={lat},{lon}&radiusKm=50"));
            Assert.DoesNotContain(near.GetProperty("items").Strings("id"), id => id == "devEui:" + devEui);
        }
        // Both flagged fixes are kept as events, flagged source-invalid.
        var recent = await host.Tenant.Clients[Role.Integrator].GetJsonAsync("/events/recent?kind=position&limit=200");
        var mine = recent.EnumerateArray().Where(e => e.GetProperty("refs").EnumerateArray().Any(r => r.GetProperty("value").GetString() == devEui))
            .ToDictionary(e => e.GetProperty("position").GetProperty("lat").GetDouble(), e => e.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToList());
        Assert.Equal(3, mine.Count);
        Assert.Empty(mine[51.5]);
        Assert.Equal(["source-invalid"], mine[40.5]);
        Assert.Equal(["source-invalid"], mine[0.0]);
        output.WriteLine($"LEDGER flagged-fixes: posted=4 quarantined=1 kept={mine.Count} flagged={location.GetProperty("flaggedFixCount").GetInt32()} " +
                         $"location=({location.GetProperty("lat").GetDouble()},{location.GetProperty("lon").GetDouble()})");
    }

    [Fact]
    public async Task the_location_has_an_etag_and_an_unchanged_one_answers_304()
    {
        var devEui = Uplinks.NewDevEui();
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        await Fixes.PostAsync(host, host.Tenant, [new Fixes.Fix(devEui, t0, 1, 1)]);
        var viewer = host.Tenant.Clients[Role.Viewer];
        using var first = await viewer.GetAsync($"/assets/{devEui}/location");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using (var again = new HttpRequestMessage(HttpMethod.Get, $"/assets/{devEui}/location"))
        {
            again.Headers.IfNoneMatch.Add(etag);
            using var response = await viewer.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
        await Fixes.PostAsync(host, host.Tenant, [new Fixes.Fix(devEui, t0.AddMinutes(1), 1.5, 1.5)]);
        using (var changed = new HttpRequestMessage(HttpMethod.Get, $"/assets/{devEui}/location"))
        {
            changed.Headers.IfNoneMatch.Add(etag);
            using var response = await viewer.SendAsync(changed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(etag, response.Headers.ETag);
            Assert.Equal(1.5, (await response.ReadJsonAsync()).GetProperty("lat").GetDouble());
        }
    }

    [Fact]
    public async Task a_shipment_track_has_its_devices_fixes_inside_their_windows_only_and_is_404_for_another_tenant()
    {
        var devEui = Uplinks.NewDevEui();
        var t0 = new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero);
        var shipper = host.Tenant.Clients[Role.Shipper];
        var shipment = (await shipper.PostJsonAsync("/shipments", new { reference = "PO-track", refs = new[] { new { scheme = "container", value = Carrier.NewContainer() } }, profile = "col-2-8" },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await shipper.PostJsonAsync($"/shipments/{shipment}/devices", new { device = $"devEui:{devEui}", from = t0.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ"), to = t0.AddMinutes(15).ToString("yyyy-MM-ddTHH:mm:ssZ") }, HttpStatusCode.Created);
        await Fixes.PostAsync(host, host.Tenant, Path(devEui, t0, 20));
        var track = await host.Tenant.Clients[Role.Viewer].GetJsonAsync($"/shipments/{shipment}/track");
        var line = track.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("kind").GetString() == "track");
        var times = line.GetProperty("properties").GetProperty("coordTimes").EnumerateArray().Select(t => DateTimeOffset.Parse(t.GetString()!)).ToList();
        Assert.Equal(Enumerable.Range(5, 10).Select(i => t0.AddMinutes(i)), times);
        using var foreign = await host.Other.Clients[Role.Viewer].GetAsync($"/shipments/{shipment}/track");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
