using FsCheck.Xunit;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using NodaTime;
using static Logistics.Gxp.Tests.TestData;

namespace Logistics.Gxp.Tests;

/// <summary>
/// The live tracker decides the same alarms as the report, reading by reading: fed the readings in time order and then
/// closed (the record ends), its triggers are the report's zone alarms — zone, type and triggeredAt — and it never
/// triggers earlier than the readings so far make certain.
/// </summary>
public class LiveTrackerProperties
{
    static readonly TemperatureProfile Profile = new("live", "t1", 10, 20, 0,
        [Above("H1", 8, 30), Above("H2", 8, 60, ZoneMode.Cumulative), Above("H3", 12, 0), Below("L1", 2, 0), Below("L2", 2, 15, ZoneMode.Cumulative)],
        null, null);

    static (List<LiveSignal> Live, ShipmentAssessment Report) Both(List<Reading> readings)
    {
        var signals = new List<LiveSignal>();
        var trackers = new Dictionary<string, LiveExcursionTracker>();
        foreach (var group in readings.GroupBy(r => (r.DeviceId, r.Time)).OrderBy(g => g.Key.Time))
        {
            if (!trackers.TryGetValue(group.Key.DeviceId, out var tracker)) trackers[group.Key.DeviceId] = tracker = LiveExcursionTracker.Start(Profile, group.Key.DeviceId);
            Assert.True(tracker.Accept(group.Key.Time, group.Average(r => r.Celsius), signals));
        }
        foreach (var t in trackers.Values) t.Close(signals);
        return (signals, GxpAssessor.Assess(readings, Profile));
    }

    [Property(MaxTest = 300)]
    public bool in_time_order_and_closed_the_live_triggers_are_the_reports_alarms(int seed)
    {
        var readings = DeterminismProperties.RandomShipment(seed, conflicts: false);
        var (live, report) = Both(readings);
        var triggered = live.OfType<ZoneTriggered>().Select(t => (t.DeviceId, t.ZoneId, t.Type, t.TriggeredAt)).OrderBy(x => x.ToString()).ToList();
        var alarms = report.Alarms.Select(a => (a.DeviceId, a.ZoneId, a.Type, a.TriggeredAt)).OrderBy(x => x.ToString()).ToList();
        var began = live.OfType<ExcursionBegan>().Select(b => (b.DeviceId, b.ZoneId, b.Start)).OrderBy(x => x.ToString()).ToList();
        var excursions = report.Excursions.Select(e => (e.DeviceId, e.ZoneId, e.Start)).OrderBy(x => x.ToString()).ToList();
        return triggered.SequenceEqual(alarms) && began.SequenceEqual(excursions);
    }

    [Property(MaxTest = 200)]
    public bool a_trigger_is_never_before_the_reading_that_makes_it_certain(int seed)
    {
        // Feed reading by reading: every trigger's time lies at or before the reading that produced it.
        var readings = DeterminismProperties.RandomShipment(seed, conflicts: false).OrderBy(r => r.Time).ToList();
        var trackers = new Dictionary<string, LiveExcursionTracker>();
        foreach (var r in readings)
        {
            if (!trackers.TryGetValue(r.DeviceId, out var tracker)) trackers[r.DeviceId] = tracker = LiveExcursionTracker.Start(Profile, r.DeviceId);
            var signals = new List<LiveSignal>();
            tracker.Accept(r.Time, r.Celsius, signals);
            if (signals.OfType<ZoneTriggered>().Any(t => t.TriggeredAt > r.Time)) return false;
        }
        return true;
    }

    [Fact]
    public void a_reading_at_or_before_the_last_is_refused_and_a_rebuild_averages_duplicates_like_the_report()
    {
        var tracker = LiveExcursionTracker.Start(Profile, "T-1");
        var signals = new List<LiveSignal>();
        Assert.True(tracker.Accept(At(0), 5, signals));
        Assert.False(tracker.Accept(At(0), 9, signals));
        Assert.False(tracker.Accept(At(-10), 9, signals));

        // 20 min ignored at the start; then two copies of 10 °C and 12 °C at one instant average to 11 °C, above 8 from 30 min:
        // H1 (single, 30 min) triggers at 60 min: at the 60-min reading the excursion is 30 min long and still going on.
        var readings = new List<(Instant, double)> { (At(0), 5), (At(10), 5), (At(20), 5), (At(30), 10), (At(30), 12), (At(40), 9), (At(50), 9), (At(60), 9), (At(70), 5) };
        var (rebuilt, fromRebuild) = LiveExcursionTracker.Rebuild(Profile, "T-1", readings.AsEnumerable().Reverse());
        var h1 = fromRebuild.OfType<ZoneTriggered>().Single(t => t.ZoneId == "H1");
        Assert.Equal(At(60), h1.TriggeredAt);
        var report = GxpAssessor.Assess(readings.Select(r => new Reading("T-1", r.Item1, r.Item2)), Profile);
        Assert.Equal(report.Alarms.Single(a => a.ZoneId == "H1").TriggeredAt, h1.TriggeredAt);
        Assert.Equal("alarm", rebuilt.ExcursionState);
        Assert.Equal(Verdict.Alarm, rebuilt.Verdict);
    }

    [Fact]
    public void a_gap_makes_the_live_verdict_incomplete_and_an_alarm_dominates_it()
    {
        var tracker = LiveExcursionTracker.Start(Profile, "T-1");
        var signals = new List<LiveSignal>();
        foreach (var (minute, celsius) in new[] { (0, 5.0), (10, 5.0), (20, 5.0), (30, 5.0), (80, 5.0) }) tracker.Accept(At(minute), celsius, signals);
        Assert.Equal(Verdict.Incomplete, tracker.Verdict);
        Assert.Equal("none", tracker.ExcursionState);
        tracker.Accept(At(90), 13, signals); // H3: delay 0, at once
        Assert.Equal(At(90), Assert.Single(signals.OfType<ZoneTriggered>()).TriggeredAt);
        Assert.Equal(Verdict.Alarm, tracker.Verdict);
    }
}
