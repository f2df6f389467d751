namespace Logistics.Host.Locations;

/// <summary>Great-circle arithmetic on a spherical Earth (mean radius, IUGG), in degrees and kilometres.</summary>
public static class GeoMath
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance; exact on the sphere, stable for small distances.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The same haversine as SQL over columns <paramref name="lat"/>/<paramref name="lon"/> and parameters.</summary>
    public static string DistanceKmSql(string lat, string lon, string centreLat, string centreLon) =>
        $"2 * {EarthRadiusKm.ToString(System.Globalization.CultureInfo.InvariantCulture)} * asin(least(1, sqrt(" +
        $"power(sin(radians({lat} - {centreLat}) / 2), 2) + cos(radians({centreLat})) * cos(radians({lat})) * power(sin(radians({lon} - {centreLon}) / 2), 2))))";

    public static double Radians(double degrees) => degrees * Math.PI / 180;

    public static double Degrees(double radians) => radians * 180 / Math.PI;

    /// <summary>
    /// The lon/lat boxes that hold every point within <paramref name="radiusKm"/> of a centre (J. P. Matuschek, "Finding
    /// points within a distance of a latitude/longitude using bounding coordinates"): one box, two when it crosses the
    /// antimeridian, or a polar cap spanning every longitude when the circle holds a pole.
    /// </summary>
    public static IReadOnlyList<LonLatBox> BoundingBoxes(double lat, double lon, double radiusKm)
    {
        var angular = radiusKm / EarthRadiusKm;
        var latR = Radians(lat);
        var minLat = latR - angular;
        var maxLat = latR + angular;
        if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2)
            return [new LonLatBox(-180, Math.Max(-90, Degrees(minLat)), 180, Math.Min(90, Degrees(maxLat)))];
        var dLon = Degrees(Math.Asin(Math.Sin(angular) / Math.Cos(latR)));
        return LonLatBox.Split(lon - dLon, Degrees(minLat), lon + dLon, Degrees(maxLat));
    }
}

/// <summary>A box in longitude/latitude with <c>MinLon ≤ MaxLon</c> (never crossing the antimeridian).</summary>
public sealed record LonLatBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>A box whose longitudes may run past ±180 (or wrap, min &gt; max), as boxes that do not.</summary>
    public static IReadOnlyList<LonLatBox> Split(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (maxLon - minLon >= 360) return [new LonLatBox(-180, minLat, 180, maxLat)];
        static double Wrap(double l) => l < -180 ? l + 360 : l > 180 ? l - 360 : l;
        var a = Wrap(minLon);
        var b = Wrap(maxLon);
        return a <= b ? [new LonLatBox(a, minLat, b, maxLat)] : [new LonLatBox(a, minLat, 180, maxLat), new LonLatBox(-180, minLat, b, maxLat)];
    }
}
