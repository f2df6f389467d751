using System.Globalization;
using System.Net;
using System.Text.Json;
using Logistics.Access;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests.Locations;

/// <summary>
/// GET /assets?bbox= and ?near= against a brute-force oracle over random current positions, with clusters across the
/// antimeridian and around the north pole. The oracle's distance is the spherical law of cosines on unit vectors, not the
/// host's haversine.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class Searching_current_positions(HostFixture host, ITestOutputHelper output)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task bbox_and_near_return_exactly_the_oracle_s_assets_also_across_the_antimeridian_and_at_a_pole()
    {
        var tenant = await host.CreateTenantAsync("search " + host.RunId);
        var random = new Random(4711);
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        var points = new List<Fixes.Fix>();
        (double LatMin, double LatMax, double LonMin, double LonMax, int N)[] clusters =
            [(-30, 30, 165, 180, 60), (-30, 30, -180, -165, 60), (45, 55, 5, 15, 50), (84, 90, -180, 180, 40)];
        foreach (var c in clusters)
            for (var i = 0; i < c.N; i++)
                points.Add(new Fixes.Fix(Uplinks.NewDevEui(), t0.AddSeconds(points.Count), c.LatMin + random.NextDouble() * (c.LatMax - c.LatMin),
                    c.LonMin + random.NextDouble() * (c.LonMax - c.LonMin)));
        await Fixes.PostAsync(host, tenant, points, parallel: 16);
        var viewer = tenant.Clients[Role.Viewer];

        var queries = 0;
        var mismatches = new List<string>();
        async Task Check(string url, ISet<string> expected)
        {
            queries++;
            var page = await viewer.GetJsonAsync(url);
            var got = page.GetProperty("items").Strings("id").ToHashSet();
            Assert.Equal(page.GetProperty("count").GetInt32(), got.Count);
            if (!got.SetEquals(expected))
                mismatches.Add($"{url}: missing [{string.Join(",", expected.Except(got))}] extra [{string.Join(",", got.Except(expected))}]");
        }

        (double, double, double, double)[] boxes =
        [
            (170, -10, -170, 10),      // crosses the antimeridian
            (175, -30, -179, 30),
            (-180, -90, 180, 90),      // the whole world
            (0, 80, 20, 90),           // up to the pole
            (6, 46, 12, 52),
            (179.5, -30, 179.9, 30),
        ];
        for (var i = 0; i < 10; i++)
        {
            var minLon = -180 + random.NextDouble() * 360;
            var maxLon = -180 + random.NextDouble() * 360;
            var lat1 = -90 + random.NextDouble() * 180;
            var lat2 = -90 + random.NextDouble() * 180;
            boxes = [.. boxes, (minLon, Math.Min(lat1, lat2), maxLon, Math.Max(lat1, lat2))];
        }
        foreach (var (minLon, minLat, maxLon, maxLat) in boxes)
        {
            var expected = points.Where(p => p.StoredLat >= minLat && p.StoredLat <= maxLat
                                             && (minLon <= maxLon ? p.StoredLon >= minLon && p.StoredLon <= maxLon : p.StoredLon >= minLon || p.StoredLon <= maxLon))
                .Select(p => "devEui:" + p.DevEui).ToHashSet();
            await Check(string.Create(Inv, $"/assets?bbox={minLon},{minLat},{maxLon},{maxLat}&limit=10000"), expected);
        }

        (double Lat, double Lon, double R)[] circles =
        [
            (0, 179.9, 800), (0, -179.9, 1500), (10, 175, 300), (89.9, 0, 400), (86, 120, 700), (50, 10, 250), (50, 10, 5000), (-20, 170, 2000),
        ];
        for (var i = 0; i < 10; i++)
        {
            var c = points[random.Next(points.Count)];
            circles = [.. circles, (c.StoredLat, c.StoredLon, 50 + random.NextDouble() * 1500)];
        }
        foreach (var (lat, lon, r) in circles)
        {
            var expected = points.Where(p => OracleDistanceKm(lat, lon, p.StoredLat, p.StoredLon) <= r).Select(p => "devEui:" + p.DevEui).ToHashSet();
            await Check(string.Create(Inv, $"/assets?near={lat},{lon}&radiusKm={r}&limit=10000"), expected);
            // Nearest first.
            var page = await viewer.GetJsonAsync(string.Create(Inv, $"/assets?near={lat},{lon}&radiusKm={r}&limit=10000"));
            var distances = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("distanceKm").GetDouble()).ToList();
            Assert.Equal(distances.Order(), distances);
        }
        output.WriteLine($"search oracle: assets={points.Count} queries={queries} mismatches={mismatches.Count}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));

        // Another tenant sees none of them.
        var other = await host.Other.Clients[Role.Viewer].GetJsonAsync("/assets?bbox=-180,-90,180,90&limit=10000");
        Assert.DoesNotContain(other.GetProperty("items").Strings("id"), id => points.Any(p => id == "devEui:" + p.DevEui));
    }

    /// <summary>Spherical law of cosines on unit vectors (a different formula from the host's haversine).</summary>
    static double OracleDistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static (double, double, double) V(double lat, double lon)
        {
            double f = lat * Math.PI / 180, l = lon * Math.PI / 180;
            return (Math.Cos(f) * Math.Cos(l), Math.Cos(f) * Math.Sin(l), Math.Sin(f));
        }
        var (ax, ay, az) = V(lat1, lon1);
        var (bx, by, bz) = V(lat2, lon2);
        var cross = Math.Sqrt(Math.Pow(ay * bz - az * by, 2) + Math.Pow(az * bx - ax * bz, 2) + Math.Pow(ax * by - ay * bx, 2));
        return 6371.0088 * Math.Atan2(cross, ax * bx + ay * by + az * bz);
    }

    [Theory]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=0,10,5,5", "bbox")]
    [InlineData("bbox=0,0,190,5", "bbox")]
    [InlineData("near=91,0&radiusKm=5", "near")]
    [InlineData("near=10,10", "radiusKm")]
    [InlineData("near=10,10&radiusKm=-1", "radiusKm")]
    [InlineData("near=10,10&radiusKm=x", "radiusKm")]
    [InlineData("bbox=0,0,1,1&near=1,1&radiusKm=1", "near")]
    [InlineData("", "bbox")]
    [InlineData("bbox=0,0,1,1&limit=0", "limit")]
    public async Task a_bad_query_is_a_400_problem_naming_the_parameter(string query, string where)
    {
        using var response = await host.Tenant.Clients[Role.Viewer].GetAsync("/assets?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(where, (await response.ReadJsonAsync()).GetProperty("where").GetString());
    }
}
