using Logistics.Canonical.Events;

namespace Logistics.Host.Locations;

/// <summary>
/// Which flags make a fix unfit to say where an asset is: a device time in the future, before 2000 or a GPS-week rollover
/// (the time is wrong, so the fix cannot be placed), or a fix its source marked invalid. Such fixes are kept in the
/// positions table, never become the current location, never draw a track and never cross a geofence.
/// </summary>
public static class PositionFlags
{
    public static readonly IReadOnlyList<string> Disqualifying =
        [EventFlags.ClockInFuture, EventFlags.ClockBefore2000, EventFlags.GpsWeekRollover, EventFlags.SourceInvalid];

    public static bool Disqualifies(IReadOnlyList<string> flags) => flags.Any(Disqualifying.Contains);

    /// <summary>SQL predicate over a <c>flags text[]</c> column: true when the fix may be used.</summary>
    public static string UsableSql(string column) => $"not ({column} && array['{string.Join("','", Disqualifying)}']::text[])";
}
