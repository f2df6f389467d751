using System.Text.Json;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Tests.Sdk;

/// <summary>Status maps with named sections, and CANONICAL.md's zone rule for local times.</summary>
public sealed class StatusMapAndZoneTests
{
    [Fact]
    public void sections_besides_map_are_named_tables_and_comments_and_notes_are_not_data()
    {
        using var doc = JsonDocument.Parse("""
            {"source": "test", "map": {"AG": "DELIVERED", "_": "comment"}, "classifiers": {"AG": "EST"},
             "notes": {"AG": "estimated delivery"}}
            """);
        var map = StatusMap.Parse(doc.RootElement, "test");
        Assert.True(map.TryMap("AG", out var code));
        Assert.Equal(MilestoneCodes.Delivered, code);
        Assert.False(map.TryMap("_", out _));
        Assert.Equal("EST", map.Section("classifiers")["AG"]);
        Assert.Equal(["classifiers"], map.SectionNames);
        Assert.Empty(map.Section("nothing-by-that-name"));
    }

    [Fact]
    public void a_section_value_that_is_not_a_string_fails_at_start_up_naming_it()
    {
        using var doc = JsonDocument.Parse("""{"map": {"X": 1}}""");
        Assert.Contains("map.X is not a string", Assert.Throws<InvalidOperationException>(() => StatusMap.Parse(doc.RootElement, "t")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NLRTM", null, null, null, null, "Europe/Amsterdam")]
    [InlineData(null, "JFK", null, null, null, "America/New_York")]
    [InlineData(null, null, "EL PASO", "TX", "US", "America/Denver")]
    [InlineData(null, null, "Memphis", "TN", null, "America/Chicago")]
    [InlineData(null, null, null, null, "NL", "Europe/Amsterdam")]
    public void the_zone_comes_from_the_unlocode_then_airport_then_city_and_state_then_a_single_zone_country(
        string? unlocode, string? iata, string? city, string? region, string? country, string zone) =>
        Assert.Equal(zone, new ZoneHint(unlocode, iata, city, region, country).Zone()!.Id);

    [Theory]
    [InlineData(null, null, null, null, "US")] // several zones: no guess
    [InlineData(null, null, "Anywhere", "KY", "US")] // a state split down the middle, city unknown
    [InlineData(null, null, "Springfield", "XX", null)] // not a US state or Canadian province
    [InlineData("ZZZZZ", "ZZZ", null, null, null)] // codes that are in no table
    public void no_usable_place_gives_no_zone(string? unlocode, string? iata, string? city, string? region, string? country) =>
        Assert.Null(new ZoneHint(unlocode, iata, city, region, country).Zone());

    [Fact]
    public void iso_times_with_an_offset_are_explicit_and_local_ones_are_inferred_or_assumed_utc()
    {
        var explicitTime = SourceTime.ParseIso("2025-07-01T10:00:00+02:00", new ZoneHint(Country: "US"))!.Value;
        Assert.Equal((Instant.FromUtc(2025, 7, 1, 8, 0), OffsetSource.Explicit), (explicitTime.Utc, explicitTime.Source));
        var inferred = SourceTime.ParseIso("2025-07-01T10:00:00", new ZoneHint(Unlocode: "NLRTM"))!.Value;
        Assert.Equal((Instant.FromUtc(2025, 7, 1, 8, 0), Offset.FromHours(2), OffsetSource.Inferred), (inferred.Utc, inferred.Offset, inferred.Source));
        var assumed = SourceTime.ParseIso("2025-07-01T10:00:00", ZoneHint.None)!.Value;
        Assert.Equal((Instant.FromUtc(2025, 7, 1, 10, 0), OffsetSource.AssumedUtc), (assumed.Utc, assumed.Source));
        Assert.Null(SourceTime.ParseIso("01/07/2025 10:00", ZoneHint.None));
    }
}
