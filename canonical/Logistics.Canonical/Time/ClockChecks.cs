using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Canonical.Time;

/// <summary>
/// Impossible device times are kept and flagged, never silently moved (CANONICAL.md): before 2000,
/// more than 25 h after reception, or a GPS week-number rollover (1024 weeks early).
/// </summary>
public static class ClockChecks
{
    public static readonly Instant Year2000 = Instant.FromUtc(2000, 1, 1, 0, 0);
    public static readonly Duration FutureTolerance = Duration.FromHours(25);
    static readonly Duration GpsEra = Duration.FromDays(1024 * 7);

    public static IReadOnlyList<string> Flags(Instant occurredAt, Instant receivedAt)
    {
        if (occurredAt > receivedAt + FutureTolerance)
            return [EventFlags.ClockInFuture];
        // A rolled-over GPS receiver reports a time one or more 1024-week eras early; a plain stale reading does not
        // land within a day of an era boundary from the reception time.
        for (var era = 1; era <= 2; era++)
        {
            var shifted = occurredAt + GpsEra * era;
            if (shifted > receivedAt - Duration.FromDays(1) && shifted <= receivedAt + FutureTolerance)
                return occurredAt < Year2000 ? [EventFlags.GpsWeekRollover, EventFlags.ClockBefore2000] : [EventFlags.GpsWeekRollover];
        }
        return occurredAt < Year2000 ? [EventFlags.ClockBefore2000] : [];
    }
}
