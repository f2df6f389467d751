using Logistics.Canonical.Json;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Locations;

/// <summary>
/// Tracks as GeoJSON (RFC 7946) FeatureCollections: per device a <c>LineString</c> of its usable fixes in event-time order
/// (a late fix is placed at its time, a flagged one left out), simplified to the point budget, with the fix times in
/// <c>properties.coordTimes</c> (aligned with the coordinates); for a shipment, <c>Point</c> features for its milestones
/// and geofence crossings that have coordinates.
/// </summary>
public sealed class Tracks(NpgsqlDataSource db, HostSettings settings, ShipmentTimeline timelines)
{
    public sealed record Window(string Device, Instant? From, Instant? To);

    public async Task<IReadOnlyList<TrackPoint>> FixesAsync(string tenantId, Window w, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select lat, lon, occurred_at from {settings.Schema}.positions
            where tenant_id = $1 and device = $2 and ($3::timestamptz is null or occurred_at >= $3) and ($4::timestamptz is null or occurred_at < $4)
              and {PositionFlags.UsableSql("flags")}
            order by occurred_at, event_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = w.Device });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)w.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)w.To ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var list = new List<TrackPoint>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new TrackPoint(r.GetDouble(0), r.GetDouble(1), r.GetFieldValue<Instant>(2)));
        return list;
    }

    /// <summary>The track of one device in [from, to).</summary>
    public async Task<object> AssetAsync(string tenantId, string device, Instant? from, Instant? to, int budget, CancellationToken ct)
    {
        var fixes = await FixesAsync(tenantId, new Window(device, from, to), ct);
        return Collection(new { asset = device, from = Text(from), to = Text(to) }, [Line(device, fixes, budget)]);
    }

    /// <summary>The track of a shipment: each device inside its windows (clipped to [from, to)), plus its milestones.</summary>
    public async Task<object> ShipmentAsync(string tenantId, ShipmentRecord s, Instant? from, Instant? to, int budget, CancellationToken ct)
    {
        var features = new List<object>();
        foreach (var device in s.Devices.GroupBy(d => d.Device, StringComparer.Ordinal))
        {
            var fixes = new List<TrackPoint>();
            foreach (var w in device.OrderBy(w => w.From))
                fixes.AddRange(await FixesAsync(tenantId, new Window(device.Key, Later(w.From, from), Earlier(w.To, to)), ct));
            features.Add(Line(device.Key, fixes, budget));
        }
        foreach (var e in await timelines.ReadAsync(tenantId, s.ShipmentId, ct))
        {
            if (e.Location is not { Lat: { } lat, Lon: { } lon } || e.Kind is not ("milestone" or "geofence")) continue;
            if ((from is { } f && e.At < f) || (to is { } t && e.At >= t)) continue;
            features.Add(new
            {
                type = "Feature",
                geometry = new { type = "Point", coordinates = new[] { lon, lat } },
                properties = new
                {
                    kind = e.Kind, code = e.Code, classifier = e.Classifier, at = Text(e.At), carrier = e.Carrier,
                    unlocode = e.Location.Unlocode, name = e.Location.Name, eventId = e.EventId,
                },
            });
        }
        return Collection(new { shipment = s.ShipmentId, from = Text(from), to = Text(to) }, features);
    }

    static object Collection(object about, IReadOnlyList<object> features) => new { type = "FeatureCollection", about, features };

    static object Line(string device, IReadOnlyList<TrackPoint> fixes, int budget)
    {
        var kept = TrackSimplifier.Simplify(fixes, budget);
        var properties = new
        {
            kind = "track",
            device,
            fixes = fixes.Count,
            points = kept.Count,
            simplified = kept.Count < fixes.Count,
            coordTimes = kept.Select(p => Text(p.At)).ToArray(),
        };
        // RFC 7946 §3.1.4: a LineString has two or more positions; one fix is a Point, none an empty geometry (null).
        object? geometry = kept.Count switch
        {
            0 => null,
            1 => new { type = "Point", coordinates = new[] { kept[0].Lon, kept[0].Lat } },
            _ => new { type = "LineString", coordinates = kept.Select(p => new[] { p.Lon, p.Lat }).ToArray() },
        };
        return new { type = "Feature", geometry, properties };
    }

    static string? Text(Instant? i) => i is { } v ? CanonicalJson.FormatInstant(v) : null;

    static Instant? Later(Instant a, Instant? b) => b is { } v && v > a ? v : a;

    static Instant? Earlier(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
