using Logistics.Canonical.Time;

namespace Logistics.Canonical.Tests.Time;

public class finding_the_zone_of_a_place
{
    [Theory]
    [InlineData("USNYC", "America/New_York")]
    [InlineData("JFK", "America/New_York")]
    [InlineData("usnyc", "America/New_York")]
    [InlineData("US NYC", "America/New_York")]
    [InlineData("NLRTM", "Europe/Amsterdam")]
    [InlineData("SGSIN", "Asia/Singapore")]
    [InlineData("INNSA", "Asia/Kolkata")]
    [InlineData("KTM", "Asia/Kathmandu")]
    [InlineData("CVG", "America/New_York")] // in Kentucky, on Eastern time
    [InlineData("PNS", "America/Chicago")] // Florida panhandle, Central time
    [InlineData("ESLPA", "Atlantic/Canary")]
    [InlineData("BRSSA", "America/Bahia")]
    [InlineData("AUFRE", "Australia/Perth")]
    public void bundled_codes_resolve(string code, string zoneId)
    {
        Assert.True(LocationZones.TryGetZone(code, out var zone));
        Assert.Equal(zoneId, zone.Id);
    }

    [Theory]
    [InlineData("BEOST", "Europe/Brussels")] // Ostend: not bundled, Belgium has one zone
    [InlineData("DEXXX", "Europe/Berlin")] // Germany's other zone (Busingen) is an exclave
    public void an_unbundled_unlocode_falls_back_to_its_countrys_single_zone(string code, string zoneId)
    {
        Assert.True(LocationZones.TryGetZone(code, out var zone));
        Assert.Equal(zoneId, zone.Id);
    }

    [Theory]
    [InlineData("USXXX")] // the US has many zones
    [InlineData("BRXXX")]
    [InlineData("ZZZ")]
    [InlineData("NYC1")]
    [InlineData("")]
    [InlineData(null)]
    public void unknown_or_ambiguous_codes_give_no_zone(string? code) =>
        Assert.False(LocationZones.TryGetZone(code, out _));

    [Fact]
    public void an_entry_tells_its_kind_and_name()
    {
        Assert.True(LocationZones.TryGetEntry("LHR", out var entry));
        Assert.Equal(LocationKind.Airport, entry.Kind);
        Assert.Equal("GB", entry.Country);
    }

    [Theory]
    [InlineData("Dallas", "TX", "America/Chicago")]
    [InlineData("EL PASO", "TX", "America/Denver")]
    [InlineData("Pensacola", "fl", "America/Chicago")]
    [InlineData("Orlando", "FL", "America/New_York")]
    [InlineData("St. Louis", "MO", "America/Chicago")]
    [InlineData("Nashville", "TN", "America/Chicago")]
    [InlineData("Knoxville", "TN", "America/New_York")]
    [InlineData("Louisville", "KY", "America/Kentucky/Louisville")]
    [InlineData("Gary", "IN", "America/Chicago")]
    [InlineData("Indianapolis", "IN", "America/Indiana/Indianapolis")]
    [InlineData(null, "AZ", "America/Phoenix")]
    [InlineData("Regina", "SK", "America/Regina")]
    [InlineData("Montreal", "QC", "America/Toronto")]
    [InlineData("Kenora", "ON", "America/Winnipeg")]
    public void a_us_or_canadian_city_and_state_resolve(string? city, string state, string zoneId)
    {
        Assert.True(LocationZones.TryGetZoneForRegion(city, state, out var zone));
        Assert.Equal(zoneId, zone.Id);
    }

    [Theory]
    [InlineData("Smalltown", "TN")] // Tennessee is split down the middle
    [InlineData(null, "KY")]
    [InlineData("Springfield", "XX")]
    [InlineData("Dallas", null)]
    public void a_split_state_without_a_known_city_gives_no_zone(string? city, string? state) =>
        Assert.False(LocationZones.TryGetZoneForRegion(city, state, out _));
}
