using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.TimeZones;

namespace Logistics.Canonical.Time;

/// <summary>Whether a row of the location table is a UN/LOCODE location (seaport, inland terminal) or an IATA airport.</summary>
public enum LocationKind
{
    /// <summary>A UN/LOCODE: 2-letter country and 3 characters.</summary>
    Port,
    /// <summary>A 3-letter IATA airport code.</summary>
    Airport,
}

/// <summary>One row of the bundled location table (<c>Time/Data/locations.csv</c>).</summary>
public sealed record LocationZoneEntry(string Code, LocationKind Kind, string Name, string Country, string ZoneId);

/// <summary>
/// The time zone of a place named by a UN/LOCODE or an IATA airport code, from a bundled table of the busiest
/// container ports and airports (see <c>Time/Data/SOURCE.md</c>), resolved against NodaTime's TZDB.
/// Used to infer the offset of local times without zone (IATA FSU, X12 without AT707, parcel APIs).
/// </summary>
public static class LocationZones
{
    const string ResourceName = "locations.csv";

    static readonly Lazy<IReadOnlyDictionary<string, LocationZoneEntry>> Table = new(Load);

    static readonly Lazy<IReadOnlyDictionary<string, string>> CountryZones = new(BuildCountryZones);

    /// <summary>
    /// Countries whose other TZDB zones are remote territories or keep the same offset as the main one, so the
    /// country alone still names the zone of any port we would see there.
    /// </summary>
    static readonly Dictionary<string, string> MainZoneOfCountry = new(StringComparer.Ordinal)
    {
        ["DE"] = "Europe/Berlin", // Europe/Busingen: an exclave with Berlin's rules
        ["CN"] = "Asia/Shanghai", // Asia/Urumqi: Xinjiang, no seaport
        ["MY"] = "Asia/Kuala_Lumpur", // Asia/Kuching: same UTC+8 since 1982
        ["NZ"] = "Pacific/Auckland", // Pacific/Chatham: the Chatham Islands
        ["EC"] = "America/Guayaquil", // Pacific/Galapagos
    };

    /// <summary>Every row of the bundled table, in file order.</summary>
    public static IReadOnlyCollection<LocationZoneEntry> Entries => Table.Value.Values.ToArray();

    /// <summary>The row for a UN/LOCODE (<c>USNYC</c>, also written <c>US NYC</c>) or an IATA airport code (<c>JFK</c>), if bundled.</summary>
    public static bool TryGetEntry(string? unlocodeOrIata, [MaybeNullWhen(false)] out LocationZoneEntry entry)
    {
        entry = null;
        var code = Normalise(unlocodeOrIata);
        return code is not null && Table.Value.TryGetValue(code, out entry);
    }

    /// <summary>
    /// The zone of a UN/LOCODE or an IATA airport code. A UN/LOCODE not in the table still resolves when its country
    /// has a single zone (<c>BEOST</c> → Europe/Brussels); in a multi-zone country (US, BR, RU, AU, …) it does not.
    /// </summary>
    public static bool TryGetZone(string? unlocodeOrIata, [MaybeNullWhen(false)] out DateTimeZone zone)
    {
        zone = null;
        var code = Normalise(unlocodeOrIata);
        if (code is null) return false;
        if (Table.Value.TryGetValue(code, out var entry))
            return TryZone(entry.ZoneId, out zone);
        return code.Length == 5 && TryGetZoneForCountry(code[..2], out zone);
    }

    /// <summary>The zone of a country (ISO 3166 alpha-2) that has one: all single-zone countries of TZDB's zone.tab, plus a few whose other zones are remote.</summary>
    public static bool TryGetZoneForCountry(string? countryCode, [MaybeNullWhen(false)] out DateTimeZone zone)
    {
        zone = null;
        if (countryCode is null || countryCode.Length != 2) return false;
        return CountryZones.Value.TryGetValue(countryCode.ToUpperInvariant(), out var id) && TryZone(id, out zone);
    }

    /// <summary>
    /// The zone of a US or Canadian city given with its state or province code, as X12 214 gives them
    /// (<c>EL PASO</c>, <c>TX</c>). States in one zone need no city; in split states the city decides, and an unknown
    /// city in a state split down the middle (KY, TN, SD, NU) gives no zone rather than a guess.
    /// </summary>
    public static bool TryGetZoneForRegion(string? city, string? stateOrProvince, [MaybeNullWhen(false)] out DateTimeZone zone)
    {
        zone = null;
        return RegionZones.Find(city, stateOrProvince) is { } id && TryZone(id, out zone);
    }

    /// <summary>Parses the location table's CSV (header <c>code,kind,name,country,tz</c>); throws <see cref="FormatException"/> naming the line of a bad row.</summary>
    public static IReadOnlyList<LocationZoneEntry> ParseCsv(string csv)
    {
        var rows = new List<LocationZoneEntry>();
        var lines = csv.Split('\n');
        for (var i = 1; i < lines.Length; i++) // line 1 is the header
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != 5) throw new FormatException($"locations.csv line {i + 1}: 5 fields expected, found {f.Length}");
            var kind = f[1] switch
            {
                "port" => LocationKind.Port,
                "airport" => LocationKind.Airport,
                _ => throw new FormatException($"locations.csv line {i + 1}: kind '{f[1]}' is not port or airport"),
            };
            rows.Add(new LocationZoneEntry(f[0], kind, f[2], f[3], f[4]));
        }
        return rows;
    }

    static IReadOnlyDictionary<string, LocationZoneEntry> Load()
    {
        using var stream = typeof(LocationZones).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("the embedded location table is missing");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var csv = reader.ReadToEnd();
        // Later rows never override earlier ones; the tests keep the file free of duplicates.
        var table = new Dictionary<string, LocationZoneEntry>(StringComparer.Ordinal);
        foreach (var row in ParseCsv(csv))
            table.TryAdd(row.Code, row);
        return table;
    }

    static IReadOnlyDictionary<string, string> BuildCountryZones()
    {
        var byCountry = new Dictionary<string, string>(MainZoneOfCountry, StringComparer.Ordinal);
        var locations = TzdbDateTimeZoneSource.Default.ZoneLocations ?? [];
        foreach (var group in locations.GroupBy(l => l.CountryCode))
        {
            if (group.Count() == 1)
                byCountry.TryAdd(group.Key, group.First().ZoneId);
        }
        return byCountry;
    }

    static bool TryZone(string id, [MaybeNullWhen(false)] out DateTimeZone zone)
    {
        zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        return zone is not null;
    }

    static string? Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var s = code.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return s.Length is 3 or 5 ? s : null;
    }
}
