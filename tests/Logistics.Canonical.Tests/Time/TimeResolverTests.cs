using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Canonical.Tests.Time;

public class resolving_a_local_time_from_its_location
{
    static readonly LocalDateTime Noon = new(2026, 1, 15, 12, 0);

    [Fact]
    public void a_unlocode_gives_an_inferred_offset()
    {
        var t = TimeResolver.ResolveLocal(new LocalDateTime(2026, 7, 1, 8, 0), "USNYC", null);
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 12, 0), t.Utc);
        Assert.Equal(Offset.FromHours(-4), t.Offset);
        Assert.Equal(OffsetSource.Inferred, t.Source);
    }

    [Fact]
    public void an_airport_code_gives_an_inferred_offset()
    {
        var t = TimeResolver.ResolveLocal(Noon, null, "JFK");
        Assert.Equal(Instant.FromUtc(2026, 1, 15, 17, 0), t.Utc);
        Assert.Equal(Offset.FromHours(-5), t.Offset);
        Assert.Equal(OffsetSource.Inferred, t.Source);
    }

    [Fact]
    public void the_unlocode_wins_over_the_airport()
    {
        var t = TimeResolver.ResolveLocal(Noon, "DEHAM", "JFK");
        Assert.Equal(Offset.FromHours(1), t.Offset);
    }

    [Fact]
    public void an_unknown_unlocode_falls_back_to_the_airport()
    {
        var t = TimeResolver.ResolveLocal(Noon, "USXXX", "LAX");
        Assert.Equal(Offset.FromHours(-8), t.Offset);
        Assert.Equal(OffsetSource.Inferred, t.Source);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    [InlineData("USXXX", "ZZZ")]
    public void no_usable_location_is_assumed_utc(string? unlocode, string? iata)
    {
        var t = TimeResolver.ResolveLocal(Noon, unlocode, iata);
        Assert.Equal(Instant.FromUtc(2026, 1, 15, 12, 0), t.Utc);
        Assert.Equal(Offset.Zero, t.Offset);
        Assert.Equal(OffsetSource.AssumedUtc, t.Source);
    }

    [Theory]
    [InlineData("USNYC", null)]
    [InlineData(null, "JFK")]
    public void a_time_in_the_spring_forward_gap_moves_forward_by_the_gap(string? unlocode, string? iata)
    {
        // 2026-03-08 02:30 never happens in New York: clocks jump from 02:00 EST to 03:00 EDT.
        var t = TimeResolver.ResolveLocal(new LocalDateTime(2026, 3, 8, 2, 30), unlocode, iata);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 30), t.Utc); // 03:30 EDT
        Assert.Equal(Offset.FromHours(-4), t.Offset);
    }

    [Fact]
    public void an_ambiguous_autumn_time_takes_the_earlier_daylight_offset()
    {
        // 2026-11-01 01:30 happens twice in New York: first at -04:00, then at -05:00.
        var t = TimeResolver.ResolveLocal(new LocalDateTime(2026, 11, 1, 1, 30), null, "JFK");
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), t.Utc);
        Assert.Equal(Offset.FromHours(-4), t.Offset);
    }

    [Fact]
    public void the_last_minute_before_the_gap_keeps_standard_time()
    {
        var t = TimeResolver.ResolveLocal(new LocalDateTime(2026, 3, 8, 1, 59), "USNYC", null);
        Assert.Equal(Offset.FromHours(-5), t.Offset);
    }

    [Fact]
    public void india_is_five_and_a_half_hours_ahead()
    {
        var t = TimeResolver.ResolveLocal(Noon, "INNSA", "BOM");
        Assert.Equal(Offset.FromHoursAndMinutes(5, 30), t.Offset);
        Assert.Equal(Instant.FromUtc(2026, 1, 15, 6, 30), t.Utc);
        Assert.Equal("+05:30", Logistics.Canonical.Json.CanonicalJson.FormatOffset(t.Offset));
    }

    [Fact]
    public void nepal_is_five_hours_forty_five_ahead()
    {
        var t = TimeResolver.ResolveLocal(Noon, null, "KTM");
        Assert.Equal(Offset.FromHoursAndMinutes(5, 45), t.Offset);
        Assert.Equal(Instant.FromUtc(2026, 1, 15, 6, 15), t.Utc);
    }

    [Fact]
    public void a_southern_summer_time_applies_in_january()
    {
        var t = TimeResolver.ResolveLocal(Noon, "AUSYD", null);
        Assert.Equal(Offset.FromHours(11), t.Offset);
    }

    [Fact]
    public void a_us_city_and_state_resolve_like_a_place()
    {
        var t = TimeResolver.ResolveLocalInRegion(Noon, "El Paso", "TX");
        Assert.Equal(Offset.FromHours(-7), t.Offset);
        Assert.Equal(OffsetSource.Inferred, t.Source);
        Assert.Equal(OffsetSource.AssumedUtc, TimeResolver.ResolveLocalInRegion(Noon, "Nowhere", "TN").Source);
    }
}
