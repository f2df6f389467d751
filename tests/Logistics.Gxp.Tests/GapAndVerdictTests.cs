using Logistics.Gxp.Assessment;
using static Logistics.Gxp.Tests.TestData;

namespace Logistics.Gxp.Tests;

public class GapAndVerdictTests
{
    [Fact]
    public void a_reading_exactly_twice_the_interval_later_holds_the_whole_time()
    {
        var readings = new List<Reading> { new("T-1", At(0), 5), new("T-1", At(20), 6) };
        var a = Assess(readings, Profile(interval: 10));
        Assert.Empty(a.Gaps);
        Assert.Equal(30, a.Loggers[0].AssessedMinutes);
        Assert.Equal(Verdict.Pass, a.Verdict);
    }

    [Fact]
    public void more_than_twice_the_interval_makes_a_gap_after_one_interval()
    {
        var readings = new List<Reading> { new("T-1", At(0), 5), new("T-1", At(21), 6) };
        var a = Assess(readings, Profile(interval: 10));
        var gap = Assert.Single(a.Gaps);
        Assert.Equal(At(10), gap.Start);
        Assert.Equal(At(21), gap.End);
        Assert.Equal(11, gap.DurationMinutes);
        Assert.Equal(20, a.Loggers[0].AssessedMinutes); // 10 + the last reading's one interval; the gap weighs nothing
        Assert.Equal(Verdict.Incomplete, a.Verdict);
    }

    [Fact]
    public void gaps_are_not_counted_in_the_mean()
    {
        var readings = new List<Reading> { new("T-1", At(0), 4), new("T-1", At(600), 8) };
        Assert.Equal(6, Assess(readings, Profile(interval: 10)).Loggers[0].MeanCelsius);
    }

    [Fact]
    public void completeness_compares_distinct_readings_with_the_expected_count()
    {
        var readings = Series("T-1", 10, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5); // 0..100 min: 11 expected
        readings.RemoveAt(5);
        var l = Assess(readings, Profile(interval: 10)).Loggers[0];
        Assert.Equal(11, l.ExpectedCount);
        Assert.Equal(10, l.ReadingCount);
        Assert.Equal(100.0 * 10 / 11, l.CompletenessPercent, 9);
        Assert.Empty(Assess(readings, Profile(interval: 10)).Gaps); // 20 min apart: not a gap
    }

    [Fact]
    public void alarm_dominates_incomplete_and_the_worst_logger_drives_the_shipment()
    {
        var ok = Series("A", 10, 5, 5, 5, 5);
        var gappy = new List<Reading> { new("B", At(0), 5), new("B", At(60), 5) };
        var hot = Series("C", 10, 5, 30, 5);
        Assert.Equal(Verdict.Pass, Assess(ok, Profile()).Verdict);
        Assert.Equal(Verdict.Incomplete, Assess(ok.Concat(gappy), Profile()).Verdict);
        var all = Assess(ok.Concat(gappy).Concat(hot), Profile(zones: TestData.Above("H3", 25, 0)));
        Assert.Equal(Verdict.Alarm, all.Verdict);
        Assert.Equal([Verdict.Pass, Verdict.Incomplete, Verdict.Alarm], all.Loggers.Select(l => l.Verdict));
        Assert.Equal(["A", "B", "C"], all.Loggers.Select(l => l.DeviceId));

        var hotAndGappy = hot.Concat([new Reading("C", At(100), 5)]);
        Assert.Equal(Verdict.Alarm, Assess(hotAndGappy, Profile(zones: TestData.Above("H3", 25, 0))).Loggers[0].Verdict);
    }

    [Fact]
    public void duplicates_are_averaged_once_and_counted()
    {
        var readings = Series("T-1", 10, 5, 6, 7);
        readings.Add(new Reading("T-1", At(10), 8)); // same instant as the 6
        var l = Assess(readings, Profile()).Loggers[0];
        Assert.Equal(3, l.ReadingCount);
        Assert.Equal(1, l.DuplicateCount);
        Assert.Equal(7, l.MaxCelsius); // (6 + 8) / 2 = 7, tied with the later 7: the earliest wins
        Assert.Equal(TestData.At(10), l.MaxAt);
    }

    [Fact]
    public void stability_budget_is_consumed_across_legs_and_carried_by_lot()
    {
        var profile = Profile(budget: new Profiles.StabilityBudget([new("S1", Profiles.ZoneDirection.Above, 8, 25, 60)]), zones: TestData.Above("H3", 25, 0));
        var shipment = new ShipmentInfo(Legs: [new Leg("L1", "road", At(0)), new Leg("L2", "air", At(30))],
            StabilityConsumedMinutes: new Dictionary<string, double> { ["S1"] = 30 });
        // 9 °C from 20 to 60 min: 10 min in L1, 30 min in L2; 30 min before this trip: the 60 min run out at 50 min.
        var a = Assess(Series("T-1", 10, 5, 5, 9, 9, 9, 9, 5), profile, shipment);
        var use = Assert.Single(a.StabilityBudget);
        Assert.Equal(40, use.ConsumedMinutes);
        Assert.Equal(-10, use.RemainingMinutes);
        Assert.True(use.Exceeded);
        Assert.Equal([10.0, 30.0], use.ByLeg.Select(l => l.Minutes));
        var alarm = Assert.Single(a.Alarms);
        Assert.Equal("stability-budget", alarm.Type);
        Assert.Equal(At(50), alarm.TriggeredAt);
        Assert.Equal("L2", alarm.LegId);
    }

    [Fact]
    public void between_two_legs_no_leg_is_in_force_and_budget_time_there_counts_for_no_leg()
    {
        var profile = Profile(budget: new Profiles.StabilityBudget([new("S1", Profiles.ZoneDirection.Above, 8, 25, 600)]), zones: TestData.Above("H1", 8, 0));
        // Ocean 0–20 min, nobody 20–40, road from 40 on.
        var shipment = new ShipmentInfo(Legs: [new Leg("ocean", "MAEU", At(0), At(20), "ocean"), new Leg("road", "DHLF", At(40), null, "road")]);
        var a = Assess(Series("T-1", 10, 9, 5, 9, 9, 5, 9, 5), profile, shipment);
        Assert.Equal([("ocean", "MAEU"), (null, null), ("road", "DHLF")],
            a.Excursions.Select(e => (e.LegId, e.Custodian)));
        Assert.Equal(At(0), a.Alarms.Single().TriggeredAt);
        Assert.Equal("ocean", a.Alarms.Single().LegId);
        var use = Assert.Single(a.StabilityBudget);
        // 10 min in ocean, 20 min between legs (20–40), 10 min in road.
        Assert.Equal([(null, 20.0), ("ocean", 10.0), ("road", 10.0)], use.ByLeg.Select(l => (l.LegId, l.Minutes)));
    }
}
