using System.Globalization;
using System.Text;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Epcis2;

/// <summary>A WGS84 point from a geo URI, with its altitude and uncertainty when given.</summary>
public readonly record struct GeoPoint(double Lat, double Lon, double? AltitudeM, double? AccuracyM);

/// <summary>
/// readPoint / bizLocation ids ↔ canonical locations: a geo URI (RFC 5870) gives lat/lon, our UN/LOCODE URN the
/// unlocode, any other id (SGLN, Digital Link) is kept as the location's name so nothing the source said is lost.
/// </summary>
public static class EpcisPlaces
{
    const string GeoScheme = "geo:";

    /// <summary>geo:LAT,LON[,ALT][;u=UNCERTAINTY][;crs=wgs84]; false when it is not a geo URI.</summary>
    public static bool TryParseGeo(string uri, out GeoPoint point, out bool inRange)
    {
        point = default;
        inRange = false;
        if (!uri.StartsWith(GeoScheme, StringComparison.OrdinalIgnoreCase)) return false;
        var body = uri.AsSpan(GeoScheme.Length);
        var semicolon = body.IndexOf(';');
        var coords = semicolon < 0 ? body : body[..semicolon];
        double? accuracy = null;
        if (semicolon >= 0)
        {
            foreach (var range in body[(semicolon + 1)..].Split(';'))
            {
                var param = body[(semicolon + 1)..][range];
                if (param.StartsWith("u=", StringComparison.OrdinalIgnoreCase) && TryNumber(param[2..], out var u)) accuracy = u;
            }
        }
        Span<double> values = stackalloc double[3];
        var count = 0;
        foreach (var range in coords.Split(','))
        {
            if (count == 3 || !TryNumber(coords[range], out values[count])) return false;
            count++;
        }
        if (count < 2) return false;
        point = new GeoPoint(values[0], values[1], count == 3 ? values[2] : null, accuracy);
        inRange = values[0] is >= -90 and <= 90 && values[1] is >= -180 and <= 180;
        return true;
    }

    public static string FormatGeo(double lat, double lon, double? altitudeM, double? accuracyM)
    {
        var sb = new StringBuilder(GeoScheme, 48);
        sb.Append(lat.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(lon.ToString("R", CultureInfo.InvariantCulture));
        if (altitudeM is { } alt) sb.Append(',').Append(alt.ToString("R", CultureInfo.InvariantCulture));
        if (accuracyM is { } u) sb.Append(";u=").Append(u.ToString("R", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>The ids a location is written as, most precise first: geo URI, UN/LOCODE URN, a name that is itself a URI.</summary>
    public static IEnumerable<string> Ids(Location location)
    {
        if (location is { Lat: { } lat, Lon: { } lon }) yield return FormatGeo(lat, lon, null, null);
        if (location.Unlocode is { Length: > 0 } code) yield return EpcisIdentifiers.UnlocodeUri(code);
        if (location.Name is { } name && Uri.IsWellFormedUriString(name, UriKind.Absolute)) yield return name;
    }

    static bool TryNumber(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
