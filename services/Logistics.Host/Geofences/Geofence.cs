using System.Globalization;
using System.Text.Json;
using Logistics.Host.Shipments;
using NodaTime;

namespace Logistics.Host.Geofences;

public sealed record GeofenceCenter(double Lat, double Lon);

/// <summary>A tenant's geofence: a GeoJSON Polygon (<see cref="Geometry"/>) or a circle (<see cref="Center"/> + <see cref="RadiusM"/>).</summary>
public sealed record Geofence(string Id, string Name, string Kind, JsonElement? Geometry, GeofenceCenter? Center, double? RadiusM, double HysteresisM,
    int ConfirmFixes, Instant CreatedAt, Instant From)
{
    public GeofenceShape Shape() => Kind == "circle"
        ? new GeofenceShape.Circle(Center!.Lat, Center.Lon, RadiusM!.Value)
        : new GeofenceShape.Area(GeofenceRequests.Rings(Geometry!.Value, "geometry"));

    public static string NewId() => "gf_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}

/// <summary>Strict reading of <c>POST /geofences</c>: every error names where (a JSON path of the body).</summary>
public static class GeofenceRequests
{
    const int MaxVertices = 10_000;

    public static Geofence Parse(JsonElement body, string id, Instant now, double defaultHysteresisM, int defaultConfirm)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new RequestException("$", "the body must be a JSON object");
        var name = body.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString()!.Trim() is { Length: > 0 and <= 200 } s
            ? s : throw new RequestException("name", "missing name", "a non-empty string of at most 200 characters");
        var hasGeometry = body.TryGetProperty("geometry", out var geometry) && geometry.ValueKind != JsonValueKind.Null;
        var hasCenter = body.TryGetProperty("center", out var center) && center.ValueKind != JsonValueKind.Null;
        if (hasGeometry == hasCenter) throw new RequestException(hasGeometry ? "center" : "geometry", "give geometry (a GeoJSON Polygon) or center and radiusM, not both");
        var hysteresis = OptionalNumber(body, "hysteresisM", 0, 10_000) ?? defaultHysteresisM;
        var confirm = (int)(OptionalNumber(body, "confirmFixes", 1, 100) ?? defaultConfirm);
        var from = now;
        if (body.TryGetProperty("from", out var f) && f.ValueKind != JsonValueKind.Null)
            from = f.ValueKind == JsonValueKind.String && Logistics.Canonical.Time.InstantText.TryParse(f.GetString(), out var parsed) && parsed <= now
                ? parsed : throw new RequestException("from", "'from' must be an ISO-8601 instant, not in the future", "e.g. 2026-01-01T00:00:00Z");
        if (hasCenter)
        {
            if (center.ValueKind != JsonValueKind.Object) throw new RequestException("center", "center must be an object", "{\"lat\", \"lon\"}");
            var lat = OptionalNumber(center, "lat", -90, 90, "center.lat") ?? throw new RequestException("center.lat", "missing center.lat", "-90..90");
            var lon = OptionalNumber(center, "lon", -180, 180, "center.lon") ?? throw new RequestException("center.lon", "missing center.lon", "-180..180");
            var radius = OptionalNumber(body, "radiusM", 1, 1_000_000) ?? throw new RequestException("radiusM", "a circle needs radiusM", "metres, 1..1000000");
            return new Geofence(id, name, "circle", null, new GeofenceCenter(lat, lon), radius, hysteresis, confirm, now, from);
        }
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.GetString() != "Polygon")
            throw new RequestException("geometry.type", "geometry must be a GeoJSON Polygon", "{\"type\": \"Polygon\", \"coordinates\": [[[lon, lat], …]]}");
        Rings(geometry, "geometry");
        var shape = new GeofenceShape.Area(Rings(geometry, "geometry"));
        if (shape.Invalid() is { } why) throw new RequestException("geometry.coordinates", $"invalid polygon: {why}", "a simple polygon (RFC 7946 §3.1.6)");
        return new Geofence(id, name, "polygon", geometry.Clone(), null, null, hysteresis, confirm, now, from);
    }

    /// <summary>The rings of a GeoJSON Polygon as (lon, lat), checked: closed, at least 4 positions, in range.</summary>
    public static IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings(JsonElement geometry, string path)
    {
        if (!geometry.TryGetProperty("coordinates", out var rings) || rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            throw new RequestException($"{path}.coordinates", "a Polygon needs coordinates: an array of linear rings");
        var result = new List<IReadOnlyList<(double, double)>>();
        var vertices = 0;
        var i = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var ringPath = $"{path}.coordinates[{i++}]";
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
                throw new RequestException(ringPath, "a linear ring has at least 4 positions", "[[lon, lat], …] with the first repeated last");
            var positions = new List<(double Lon, double Lat)>();
            var j = 0;
            foreach (var p in ring.EnumerateArray())
            {
                var pPath = $"{ringPath}[{j++}]";
                if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2 || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
                    throw new RequestException(pPath, "a position is [lon, lat]");
                var (lon, lat) = (p[0].GetDouble(), p[1].GetDouble());
                if (lon is < -180 or > 180 || lat is < -90 or > 90) throw new RequestException(pPath, "position out of range", "lon -180..180, lat -90..90");
                positions.Add((lon, lat));
            }
            if (positions[0] != positions[^1]) throw new RequestException(ringPath, "a linear ring must be closed", "the first position repeated as the last");
            vertices += positions.Count;
            if (vertices > MaxVertices) throw new RequestException(ringPath, $"more than {MaxVertices} positions");
            result.Add(positions);
        }
        return result;
    }

    static double? OptionalNumber(JsonElement e, string name, double min, double max, string? path = null)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number || !double.IsFinite(v.GetDouble()))
            throw new RequestException(path ?? name, $"{name} must be a number");
        var d = v.GetDouble();
        return d < min || d > max
            ? throw new RequestException(path ?? name, $"{name} {d.ToString(CultureInfo.InvariantCulture)} out of range",
                $"{min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}")
            : d;
    }
}
