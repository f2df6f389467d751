using Logistics.Gxp.Profiles;
using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>Something the live tracker saw happen on one logger.</summary>
public abstract record LiveSignal(string DeviceId, string ZoneId);

/// <summary>A reading went out of a zone's range: an excursion started at <paramref name="Start"/>.</summary>
public sealed record ExcursionBegan(string DeviceId, string ZoneId, Instant Start, double Celsius) : LiveSignal(DeviceId, ZoneId);

/// <summary>A zone's delay was crossed: the alarm the report will list for this logger and zone, with the same <paramref name="TriggeredAt"/>.</summary>
public sealed record ZoneTriggered(string DeviceId, string ZoneId, string Type, Severity Severity, double DelayMinutes, Instant TriggeredAt, string Detail)
    : LiveSignal(DeviceId, ZoneId);

/// <summary>One zone's running state for one logger (serialisable: the host keeps it in a document).</summary>
public sealed class LiveZoneState
{
    public string ZoneId { get; set; } = "";
    /// <summary>Start of the excursion in progress (Unix ticks), or null.</summary>
    public long? RunStart { get; set; }
    /// <summary>Out-of-range time of readings whose held time is final (Unix ticks).</summary>
    public long CumulativeTicks { get; set; }
    /// <summary>When the zone's delay was first crossed (Unix ticks), or null.</summary>
    public long? TriggeredAt { get; set; }
    public int ExcursionCount { get; set; }
}

/// <summary>One logger's running state (serialisable).</summary>
public sealed class LiveDeviceState
{
    public string DeviceId { get; set; } = "";
    public int Count { get; set; }
    public long FirstTicks { get; set; }
    public long LastTicks { get; set; }
    public double LastCelsius { get; set; }
    public int GapCount { get; set; }
    public List<LiveZoneState> Zones { get; set; } = [];
}

/// <summary>
/// Live excursion detection for one logger, fed its readings in time order as they are committed: the same rules as
/// <see cref="GxpAssessor"/> (sample-and-hold with the gap rule, single and cumulative zones, the first trigger per zone,
/// <c>triggeredAt</c> = the instant the time out of range first exceeds the delay), decided as soon as the readings so far
/// make it certain. A reading's held time is final once the next reading is known, so a trigger is decided at the latest
/// when the next reading arrives; an excursion already as long as the delay triggers at once. Over the same readings the
/// triggers equal the report's alarms, except where the report knows the end of the record (the profile's ignore-end
/// period, the last reading's one interval): a record being written has no end yet. A reading at or before the last one
/// is not accepted (<see cref="Accept"/> returns false): the caller rebuilds the state from all readings with
/// <see cref="Rebuild"/>, which averages duplicates exactly as the report does.
/// </summary>
public sealed class LiveExcursionTracker
{
    readonly TemperatureProfile _profile;
    readonly long _interval;
    readonly long _ignoreStart;

    public LiveExcursionTracker(TemperatureProfile profile, LiveDeviceState state)
    {
        _profile = profile;
        _interval = SeriesBuilder.MinutesToTicks(profile.LoggingIntervalMinutes);
        _ignoreStart = SeriesBuilder.MinutesToTicks(profile.IgnoreStartMinutes);
        State = state;
        foreach (var zone in profile.Zones)
            if (!state.Zones.Any(z => z.ZoneId == zone.Id)) state.Zones.Add(new LiveZoneState { ZoneId = zone.Id });
    }

    public LiveDeviceState State { get; }

    /// <summary>A fresh tracker for a logger.</summary>
    public static LiveExcursionTracker Start(TemperatureProfile profile, string deviceId) => new(profile, new LiveDeviceState { DeviceId = deviceId });

    /// <summary>
    /// A tracker over all of a logger's readings (any order, duplicates averaged as the report averages them), and the
    /// signals those readings give.
    /// </summary>
    public static (LiveExcursionTracker Tracker, List<LiveSignal> Signals) Rebuild(TemperatureProfile profile, string deviceId,
        IEnumerable<(Instant Time, double Celsius)> readings)
    {
        var tracker = Start(profile, deviceId);
        var signals = new List<LiveSignal>();
        var byTime = readings.GroupBy(r => r.Time.ToUnixTimeTicks()).OrderBy(g => g.Key);
        foreach (var group in byTime)
        {
            var values = group.Select(r => r.Celsius + 0.0).ToArray();
            tracker.Accept(Instant.FromUnixTimeTicks(group.Key), SeriesBuilder.Average(values), signals);
        }
        return (tracker, signals);
    }

    /// <summary>
    /// Feeds the next reading; false (and nothing changes) when it is not later than the last one — the state must then be
    /// rebuilt. New excursions and triggers are added to <paramref name="signals"/>.
    /// </summary>
    public bool Accept(Instant time, double celsius, List<LiveSignal> signals)
    {
        var t = time.ToUnixTimeTicks();
        var s = State;
        if (s.Count > 0 && t <= s.LastTicks) return false;
        celsius += 0.0;
        if (s.Count > 0)
        {
            var heldEnd = t - s.LastTicks <= 2 * _interval ? t : s.LastTicks + _interval;
            if (heldEnd < t) s.GapCount++;
            Finalise(heldEnd, continuesAt: heldEnd == t ? t : null, celsius, signals);
        }
        else s.FirstTicks = t;

        s.Count++;
        s.LastTicks = t;
        s.LastCelsius = celsius;
        if (t < s.FirstTicks + _ignoreStart) return true; // inside the ignore-start period: charted, never judged
        for (var z = 0; z < _profile.Zones.Count; z++)
        {
            var zone = _profile.Zones[z];
            var state = Zone(zone);
            if (!zone.IsOutOfRange(celsius)) continue;
            if (state.RunStart is null)
            {
                state.RunStart = t;
                state.ExcursionCount++;
                signals.Add(new ExcursionBegan(s.DeviceId, zone.Id, time, celsius));
            }
            var delay = SeriesBuilder.MinutesToTicks(zone.DelayMinutes);
            // This reading holds for some time > 0, so a run already as long as the delay is certain to exceed it.
            if (zone.Mode == ZoneMode.Single && t - state.RunStart.Value >= delay) Trigger(zone, state, state.RunStart.Value + delay, signals);
            if (zone.Mode == ZoneMode.Cumulative && state.CumulativeTicks >= delay) Trigger(zone, state, t + (delay - state.CumulativeTicks), signals);
        }
        return true;
    }

    /// <summary>Ends the record: the last reading holds one interval (as in the report). For comparing with the report only.</summary>
    public void Close(List<LiveSignal> signals)
    {
        if (State.Count == 0) return;
        Finalise(State.LastTicks + _interval, continuesAt: null, double.NaN, signals);
    }

    /// <summary><c>alarm</c> when an alarm-severity zone triggered, <c>excursion</c> after any excursion, else <c>none</c>.</summary>
    public string ExcursionState =>
        State.Zones.Any(z => z.TriggeredAt is not null && Severity(z.ZoneId) == Profiles.Severity.Alarm) ? "alarm"
        : State.Zones.Any(z => z.ExcursionCount > 0 || z.TriggeredAt is not null) ? "excursion"
        : "none";

    /// <summary>The report's verdict rule over what is known so far: alarm, else incomplete after a gap, else pass.</summary>
    public Verdict Verdict =>
        State.Zones.Any(z => z.TriggeredAt is not null && Severity(z.ZoneId) == Profiles.Severity.Alarm) ? Assessment.Verdict.Alarm
        : State.GapCount > 0 ? Assessment.Verdict.Incomplete
        : Assessment.Verdict.Pass;

    /// <summary>The zones triggered so far, as signals.</summary>
    public IEnumerable<ZoneTriggered> Triggered() =>
        _profile.Zones.Select(z => (Zone: z, State: Zone(z))).Where(x => x.State.TriggeredAt is not null)
            .Select(x => Triggered(x.Zone, x.State.TriggeredAt!.Value));

    /// <summary>The previous reading's held time is now final (it ends at <paramref name="heldEnd"/>).</summary>
    void Finalise(long heldEnd, long? continuesAt, double next, List<LiveSignal> signals)
    {
        var s = State;
        if (s.LastTicks < s.FirstTicks + _ignoreStart) return;
        var held = heldEnd - s.LastTicks;
        foreach (var zone in _profile.Zones)
        {
            var state = Zone(zone);
            if (!zone.IsOutOfRange(s.LastCelsius) || state.RunStart is not { } start) continue;
            var delay = SeriesBuilder.MinutesToTicks(zone.DelayMinutes);
            if (zone.Mode == ZoneMode.Cumulative)
            {
                if (state.CumulativeTicks + held > delay) Trigger(zone, state, s.LastTicks + (delay - state.CumulativeTicks), signals);
                state.CumulativeTicks += held;
            }
            var continues = continuesAt is not null && !double.IsNaN(next) && zone.IsOutOfRange(next);
            if (continues) continue;
            if (zone.Mode == ZoneMode.Single && heldEnd - start > delay) Trigger(zone, state, start + delay, signals);
            state.RunStart = null;
        }
    }

    void Trigger(ExcursionZone zone, LiveZoneState state, long at, List<LiveSignal> signals)
    {
        if (state.TriggeredAt is not null) return; // one alarm per logger and zone: the first trigger
        state.TriggeredAt = at;
        signals.Add(Triggered(zone, at));
    }

    ZoneTriggered Triggered(ExcursionZone zone, long at)
    {
        var direction = zone.Direction == ZoneDirection.Above ? "above" : "below";
        var detail = zone.Mode == ZoneMode.Single
            ? $"excursion {direction} {zone.LimitCelsius} °C longer than {zone.DelayMinutes} min"
            : $"cumulative time {direction} {zone.LimitCelsius} °C exceeded {zone.DelayMinutes} min";
        return new ZoneTriggered(State.DeviceId, zone.Id, zone.Mode == ZoneMode.Single ? "single" : "cumulative", zone.Severity, zone.DelayMinutes,
            Instant.FromUnixTimeTicks(at), detail);
    }

    LiveZoneState Zone(ExcursionZone zone) => State.Zones.First(z => z.ZoneId == zone.Id);

    Severity Severity(string zoneId) => _profile.Zones.FirstOrDefault(z => z.Id == zoneId)?.Severity ?? Profiles.Severity.Warning;
}
