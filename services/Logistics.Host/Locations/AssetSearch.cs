using System.Globalization;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Locations;

/// <summary>One asset where it is now: its newest usable fix.</summary>
public sealed record AssetPosition(string Id, double Lat, double Lon, double? AccuracyM, string Method, Instant OccurredAt, Instant ReceivedAt,
    string EventId, double? DistanceKm);

/// <summary>A search over current positions: a bbox (possibly crossing the antimeridian) or a radius around a point.</summary>
public abstract record AssetQuery
{
    public sealed record InBox(IReadOnlyList<LonLatBox> Boxes) : AssetQuery;

    public sealed record Near(double Lat, double Lon, double RadiusKm) : AssetQuery;

    public const double MaxRadiusKm = 5000;

    /// <summary>Parses the query string of <c>GET /assets</c>: exactly one of bbox or near (+ radiusKm).</summary>
    public static AssetQuery Parse(string? bbox, string? near, string? radiusKm)
    {
        if (bbox is not null && near is not null) throw new QueryException("near", "give bbox or near, not both");
        if (bbox is not null)
        {
            var v = Numbers(bbox, 4, "bbox", "minLon,minLat,maxLon,maxLat");
            double minLon = v[0], minLat = v[1], maxLon = v[2], maxLat = v[3];
            if (minLon is < -180 or > 180 || maxLon is < -180 or > 180) throw new QueryException("bbox", "longitudes must be within -180..180", "minLon,minLat,maxLon,maxLat");
            if (minLat is < -90 or > 90 || maxLat is < -90 or > 90) throw new QueryException("bbox", "latitudes must be within -90..90", "minLon,minLat,maxLon,maxLat");
            if (minLat > maxLat) throw new QueryException("bbox", "minLat is greater than maxLat", "minLat ≤ maxLat (a box may cross the antimeridian: minLon > maxLon, never a pole)");
            // minLon > maxLon: the box crosses the antimeridian (RFC 7946 §5.2), e.g. 170,-20,-170,20.
            return new InBox(minLon <= maxLon ? [new LonLatBox(minLon, minLat, maxLon, maxLat)] : LonLatBox.Split(minLon, minLat, maxLon + 360, maxLat));
        }
        if (near is not null)
        {
            var v = Numbers(near, 2, "near", "lat,lon");
            if (v[0] is < -90 or > 90) throw new QueryException("near", "latitude must be within -90..90", "lat,lon");
            if (v[1] is < -180 or > 180) throw new QueryException("near", "longitude must be within -180..180", "lat,lon");
            if (radiusKm is null) throw new QueryException("radiusKm", "near needs radiusKm", $"a number of kilometres, 0 < radiusKm ≤ {MaxRadiusKm}");
            var r = Numbers(radiusKm, 1, "radiusKm", "a number of kilometres")[0];
            if (r is <= 0 or > MaxRadiusKm) throw new QueryException("radiusKm", $"radiusKm {r} out of range", $"0 < radiusKm ≤ {MaxRadiusKm}");
            return new Near(v[0], v[1], r);
        }
        throw new QueryException("bbox", "give bbox=minLon,minLat,maxLon,maxLat or near=lat,lon&radiusKm=R");
    }

    static double[] Numbers(string text, int count, string where, string expected)
    {
        var parts = text.Split(',');
        if (parts.Length != count) throw new QueryException(where, $"{where} must have {count} comma-separated numbers", expected);
        var values = new double[count];
        for (var i = 0; i < count; i++)
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new QueryException(where, $"'{parts[i]}' in {where} is not a number", expected);
        return values;
    }
}

/// <summary>A query parameter that cannot be used: what is wrong and where.</summary>
public sealed class QueryException(string where, string title, string? expected = null) : Exception(title)
{
    public string Where { get; } = where;
    public string? Expected { get; } = expected;
}

/// <summary>
/// Current positions by place, over <c>current_positions</c> and its GiST index: a bbox is one or two index box scans
/// (<c>pos &lt;@ box</c>); a radius is the circle's bounding boxes (<see cref="GeoMath.BoundingBoxes"/>) through the
/// index, then the exact haversine distance, nearest first.
/// </summary>
public sealed class AssetSearch(NpgsqlDataSource db, HostSettings settings)
{
    public async Task<(IReadOnlyList<AssetPosition> Items, bool Truncated)> FindAsync(string tenantId, AssetQuery query, int limit, CancellationToken ct)
    {
        var boxes = query switch
        {
            AssetQuery.InBox b => b.Boxes,
            AssetQuery.Near n => GeoMath.BoundingBoxes(n.Lat, n.Lon, n.RadiusKm),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        await using var cmd = db.CreateCommand();
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var inBoxes = new List<string>();
        foreach (var box in boxes)
        {
            var i = cmd.Parameters.Count;
            foreach (var v in new[] { box.MinLon, box.MinLat, box.MaxLon, box.MaxLat }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
            inBoxes.Add($"pos <@ box(point(${i + 1}, ${i + 2}), point(${i + 3}, ${i + 4}))");
        }
        string distance = "null::float8", filter = "", order = "device";
        if (query is AssetQuery.Near near)
        {
            var i = cmd.Parameters.Count;
            cmd.Parameters.Add(new NpgsqlParameter { Value = near.Lat });
            cmd.Parameters.Add(new NpgsqlParameter { Value = near.Lon });
            cmd.Parameters.Add(new NpgsqlParameter { Value = near.RadiusKm });
            distance = GeoMath.DistanceKmSql("lat", "lon", $"${i + 1}", $"${i + 2}");
            filter = $"and {distance} <= ${i + 3}";
            order = "distance_km, device";
        }
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        cmd.CommandText = $"""
            select device, lat, lon, accuracy_m, method, occurred_at, received_at, event_id, {distance} as distance_km
            from {settings.Schema}.current_positions
            where tenant_id = $1 and ({string.Join(" or ", inBoxes)}) {filter}
            order by {order}
            limit ${cmd.Parameters.Count}
            """;
        var items = new List<AssetPosition>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new AssetPosition(r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetString(4),
                r.GetFieldValue<Instant>(5), r.GetFieldValue<Instant>(6), r.GetString(7), r.IsDBNull(8) ? null : Math.Round(r.GetDouble(8), 3)));
        var truncated = items.Count > limit;
        return (truncated ? items[..limit] : items, truncated);
    }
}
