using NodaTime;

namespace Logistics.Host.Geofences;

/// <summary>Where a device stands with one geofence after a fix: its side, and how many fixes in a row argued for the other.</summary>
public sealed record FenceState(bool Inside, int Pending, Instant LastAt, string LastEventId);

/// <summary>A usable fix, in event-time order.</summary>
public sealed record FenceFix(Instant At, string EventId, double Lat, double Lon);

/// <summary>A confirmed crossing: GEOFENCE_ENTERED or GEOFENCE_EXITED at the fix that confirmed it.</summary>
public sealed record Crossing(string Code, FenceFix Fix);

/// <summary>
/// The crossing rule, pure: a fix counts for the other side only when it is past the border by at least the hysteresis
/// (<c>hysteresisM</c>) — inside by that much to enter, outside by that much to leave; <c>confirm</c> such fixes in a row
/// confirm the crossing (dwell), and any other fix resets the count. GPS jitter smaller than the hysteresis never
/// crosses, and one stray fix never does. A device starts outside every fence.
/// </summary>
public static class GeofenceEvaluator
{
    public const string Entered = "GEOFENCE_ENTERED";
    public const string Exited = "GEOFENCE_EXITED";

    public static FenceState Initial(Instant before) => new(false, 0, before, "");

    public static (FenceState State, IReadOnlyList<Crossing> Crossings) Run(FenceState state, IEnumerable<FenceFix> fixes, GeofenceShape shape,
        double hysteresisM, int confirm)
    {
        var crossings = new List<Crossing>();
        foreach (var fix in fixes)
        {
            var d = shape.SignedDistanceM(fix.Lat, fix.Lon);
            var argues = state.Inside ? d >= hysteresisM : d <= -hysteresisM;
            var pending = argues ? state.Pending + 1 : 0;
            if (pending >= confirm)
            {
                crossings.Add(new Crossing(state.Inside ? Exited : Entered, fix));
                state = new FenceState(!state.Inside, 0, fix.At, fix.EventId);
            }
            else state = new FenceState(state.Inside, pending, fix.At, fix.EventId);
        }
        return (state, crossings);
    }
}
