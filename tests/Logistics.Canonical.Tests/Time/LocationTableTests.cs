using System.Text.RegularExpressions;
using Logistics.Canonical.Time;
using NodaTime;
using NodaTime.TimeZones;

namespace Logistics.Canonical.Tests.Time;

/// <summary>Checks on the shipped locations.csv itself, read from the file and from the embedded resource.</summary>
public partial class the_location_table
{
    static readonly string CsvPath = Path.Combine(AppContext.BaseDirectory, "data", "locations.csv");
    static readonly IReadOnlyList<LocationZoneEntry> Rows = LocationZones.ParseCsv(File.ReadAllText(CsvPath));

    [GeneratedRegex("^[A-Z]{2}[A-Z2-9]{3}$")]
    private static partial Regex UnLocodeShape();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex IataShape();

    [Fact]
    public void has_at_least_500_rows_with_ports_and_airports()
    {
        Assert.True(Rows.Count >= 500, $"{Rows.Count} rows");
        Assert.True(Rows.Count(r => r.Kind == LocationKind.Port) >= 250);
        Assert.True(Rows.Count(r => r.Kind == LocationKind.Airport) >= 250);
    }

    [Fact]
    public void has_the_header_the_loader_expects() =>
        Assert.StartsWith("code,kind,name,country,tz\n", File.ReadAllText(CsvPath).ReplaceLineEndings("\n"));

    [Fact]
    public void every_zone_id_exists_in_tzdb()
    {
        var missing = Rows.Where(r => DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.ZoneId) is null).Select(r => $"{r.Code}:{r.ZoneId}");
        Assert.Empty(missing);
    }

    [Fact]
    public void every_code_has_the_shape_of_its_kind()
    {
        var bad = Rows.Where(r => r.Kind == LocationKind.Port
            ? !UnLocodeShape().IsMatch(r.Code) || r.Code[..2] != r.Country
            : !IataShape().IsMatch(r.Code)).Select(r => r.Code);
        Assert.Empty(bad);
    }

    [Fact]
    public void no_code_appears_twice()
    {
        var dups = Rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(dups);
    }

    [Fact]
    public void every_country_is_an_iso_alpha2_code_and_names_are_filled()
    {
        Assert.All(Rows, r => Assert.Matches("^[A-Z]{2}$", r.Country));
        Assert.All(Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Name), r.Code));
    }

    [Fact]
    public void every_zone_is_one_of_its_countrys_zones()
    {
        // Catches a zone typed for the wrong country (a Belgian port in Europe/Paris, a Brazilian one in Buenos_Aires).
        var source = TzdbDateTimeZoneSource.Default;
        var canonical = source.CanonicalIdMap;
        var zonesByCountry = (source.ZoneLocations ?? [])
            .GroupBy(l => l.CountryCode)
            .ToDictionary(g => g.Key, g => g.Select(l => canonical[l.ZoneId]).ToHashSet());
        var wrong = Rows
            .Where(r => zonesByCountry.TryGetValue(r.Country, out var zones) && !zones.Contains(canonical[r.ZoneId]))
            .Select(r => $"{r.Code} ({r.Country}): {r.ZoneId}");
        Assert.Empty(wrong);
    }

    [Fact]
    public void the_embedded_table_is_the_file()
    {
        Assert.Equal(Rows.Count, LocationZones.Entries.Count);
        Assert.Equal(Rows.Select(r => r.Code).Order(), LocationZones.Entries.Select(e => e.Code).Order());
    }

    [Fact]
    public void a_malformed_row_is_reported_with_its_line() =>
        Assert.Contains("line 3", Assert.Throws<FormatException>(() =>
            LocationZones.ParseCsv("code,kind,name,country,tz\nUSNYC,port,New York,US,America/New_York\nJFK,airport,JFK\n")).Message);
}
