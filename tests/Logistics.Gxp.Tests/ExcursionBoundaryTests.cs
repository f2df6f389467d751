using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using static Logistics.Gxp.Tests.TestData;

namespace Logistics.Gxp.Tests;

public class ExcursionBoundaryTests
{
    [Fact]
    public void a_reading_exactly_at_the_limit_is_in_range()
    {
        var a = Assess(Series("T-1", 10, 5, 8.0, 8.0, 2.0, 5), Profile(zones: [Above("H1", 8, 0), Below("L1", 2, 0)]));
        Assert.Empty(a.Excursions);
        Assert.Empty(a.Alarms);
        Assert.Equal(Verdict.Pass, a.Verdict);
    }

    [Fact]
    public void an_excursion_exactly_as_long_as_the_delay_does_not_alarm()
    {
        // Three readings above 8 at a 10-min interval: 30 min out of range, delay 30.
        var a = Assess(Series("T-1", 10, 5, 9, 9, 9, 5), Profile(zones: Above("H1", 8, 30)));
        var e = Assert.Single(a.Excursions);
        Assert.Equal(30, e.DurationMinutes);
        Assert.False(e.ExceedsDelay);
        Assert.Empty(a.Alarms);
        Assert.Equal(Verdict.Pass, a.Verdict);
    }

    [Fact]
    public void an_excursion_longer_than_the_delay_alarms_at_start_plus_delay()
    {
        var a = Assess(Series("T-1", 10, 5, 9, 9, 9, 9, 5), Profile(zones: Above("H1", 8, 30)));
        var alarm = Assert.Single(a.Alarms);
        Assert.Equal(At(10 + 30), alarm.TriggeredAt);
        Assert.Equal(Verdict.Alarm, a.Verdict);
    }

    [Fact]
    public void delay_zero_triggers_at_the_first_out_of_range_reading()
    {
        var a = Assess(Series("T-1", 10, 5, 5, 1.5, 5), Profile(zones: Below("L1", 2, 0)));
        Assert.Equal(At(20), Assert.Single(a.Alarms).TriggeredAt);
        var e = Assert.Single(a.Excursions);
        Assert.Equal(1.5, e.PeakCelsius);
        Assert.Equal(0.5 * 10, e.DegreeMinutes, 9);
    }

    [Fact]
    public void cumulative_time_crossing_the_delay_triggers_inside_an_excursion()
    {
        // 30 min out, back in, then 40 min out: the sum passes 60 min 30 min into the second excursion.
        var a = Assess(Series("T-1", 10, 5, 9, 9, 9, 5, 5, 10, 10, 10, 10, 5), Profile(zones: Above("H2", 8, 60, ZoneMode.Cumulative)));
        Assert.Equal(2, a.Excursions.Count);
        var alarm = Assert.Single(a.Alarms);
        Assert.Equal("cumulative", alarm.Type);
        Assert.Equal(a.Excursions[1].Start + NodaTime.Duration.FromMinutes(30), alarm.TriggeredAt);
        Assert.True(alarm.TriggeredAt < a.Excursions[1].End);
        Assert.Equal(70, a.Loggers[0].Zones[0].MinutesOutOfRange);
    }

    [Fact]
    public void cumulative_time_exactly_equal_to_the_delay_does_not_alarm()
    {
        var a = Assess(Series("T-1", 10, 5, 9, 9, 9, 5, 9, 9, 9, 5), Profile(zones: Above("H2", 8, 60, ZoneMode.Cumulative)));
        Assert.Equal(60, a.Loggers[0].Zones[0].MinutesOutOfRange);
        Assert.Empty(a.Alarms);
    }

    [Fact]
    public void excursion_ends_at_the_first_reading_back_in_range_with_its_peak()
    {
        var e = Assert.Single(Assess(Series("T-1", 10, 5, 8.5, 11.2, 9, 7.9, 5), Profile(zones: Above("H1", 8, 0))).Excursions);
        Assert.Equal(At(10), e.Start);
        Assert.Equal(At(40), e.End);
        Assert.Equal(30, e.DurationMinutes);
        Assert.Equal(11.2, e.PeakCelsius);
        Assert.Equal(At(20), e.PeakAt);
        Assert.Equal("back in range", e.EndReason);
        Assert.Equal((0.5 + 3.2 + 1) * 10, e.DegreeMinutes, 9);
    }

    [Fact]
    public void excursion_at_the_end_of_the_record_ends_with_the_held_time_of_its_last_reading()
    {
        var e = Assert.Single(Assess(Series("T-1", 10, 5, 9, 9), Profile(zones: Above("H1", 8, 0))).Excursions);
        Assert.Equal(At(30), e.End);
        Assert.Equal("end of record", e.EndReason);
    }

    [Fact]
    public void a_gap_ends_an_excursion_at_the_gap_start()
    {
        var readings = Series("T-1", 10, 5, 9, 9);
        readings.Add(new Reading("T-1", At(60), 9)); // 40 min after the last: more than twice the interval
        readings.Add(new Reading("T-1", At(70), 5));
        var a = Assess(readings, Profile(zones: Above("H1", 8, 25)));
        Assert.Equal(2, a.Excursions.Count);
        Assert.Equal(At(30), a.Excursions[0].End);
        Assert.Equal("gap", a.Excursions[0].EndReason);
        Assert.Equal(20, a.Excursions[0].DurationMinutes);
        Assert.Empty(a.Alarms); // 20 min and 10 min: neither exceeds 25 min, the gap is not counted as out of range
        Assert.Equal(Verdict.Incomplete, a.Verdict);
    }

    [Fact]
    public void single_alarm_counts_every_excursion_over_the_delay_and_triggers_at_the_first()
    {
        var a = Assess(Series("T-1", 10, 9, 9, 5, 9, 9, 9, 5), Profile(zones: Above("H1", 8, 15)));
        var alarm = Assert.Single(a.Alarms);
        Assert.Equal(2, alarm.Occurrences);
        Assert.Equal(At(15), alarm.TriggeredAt);
    }

    [Fact]
    public void warning_zones_are_reported_but_leave_the_verdict_alone()
    {
        var a = Assess(Series("T-1", 10, 20, 26, 20), Profile(zones: Above("H1", 25, 0, severity: Severity.Warning)));
        Assert.Single(a.Alarms);
        Assert.Equal(Verdict.Pass, a.Verdict);
    }

    [Fact]
    public void ignore_periods_exclude_start_and_end_from_excursions_alarms_and_statistics()
    {
        // 20 °C for the first 30 min (loading) and the last 20 min (unloading); 5 °C in between.
        var values = new[] { 20.0, 20, 20, 5, 5, 5, 5, 5, 20, 20 };
        var a = Assess(Series("T-1", 10, values), Profile(ignoreStart: 30, ignoreEnd: 20, zones: Above("H1", 8, 0)));
        Assert.Empty(a.Excursions);
        Assert.Equal(Verdict.Pass, a.Verdict);
        var l = a.Loggers[0];
        Assert.Equal(10, l.ReadingCount); // still counted
        Assert.Equal(At(30), l.AssessedFrom);
        Assert.Equal(At(80), l.AssessedTo);
        Assert.Equal(5, l.MaxCelsius);
        Assert.Equal(50, l.AssessedMinutes);
    }

    [Fact]
    public void ignore_end_clips_the_held_time_of_an_excursion()
    {
        var a = Assess(Series("T-1", 10, 5, 5, 9, 9, 9), Profile(ignoreEnd: 15, zones: Above("H1", 8, 0)));
        var e = Assert.Single(a.Excursions);
        Assert.Equal(At(35), e.End);
        Assert.Equal("end of assessed period", e.EndReason);
    }
}
