using Logistics.Canonical.Time;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.OrbcommIdp;

/// <summary>Times of the IDP Messaging API: <c>yyyy-MM-dd HH:mm:ss</c>, UTC by definition ("The datetime (UTC)…").</summary>
internal static class IdpTime
{
    static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss");

    /// <summary>How far a fix's day and minute may lie after the network's receive time (gateway and modem clocks).</summary>
    static readonly Duration FixTolerance = Duration.FromHours(1);

    public static bool TryParse(string text, out Instant utc)
    {
        var parsed = Pattern.Parse(text);
        utc = parsed.Success ? parsed.Value.InUtc().ToInstant() : default;
        return parsed.Success;
    }

    public static ResolvedTime Resolved(Instant utc) => ResolvedTime.ExplicitUtc(utc);

    /// <summary>
    /// The fix time of a core-modem position (SIN 0 MIN 72), which gives only the day of the month (1..31) and the minute of the
    /// day (0..1439, UTC): the latest such instant not after <paramref name="received"/> (plus a tolerance), looking back at most
    /// two months. False for values the Modem Messages description calls invalid.
    /// </summary>
    public static bool TryFixTime(int dayOfMonth, int minuteOfDay, Instant received, out Instant fix)
    {
        fix = default;
        if (dayOfMonth is < 1 or > 31 || minuteOfDay is < 0 or > 1439) return false;
        var latest = received + FixTolerance;
        var month = received.InUtc().Date.With(DateAdjusters.StartOfMonth);
        for (var back = 0; back <= 2; back++, month = month.PlusMonths(-1))
        {
            if (dayOfMonth > CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)) continue;
            var candidate = new LocalDate(month.Year, month.Month, dayOfMonth).AtMidnight().PlusMinutes(minuteOfDay).InUtc().ToInstant();
            if (candidate > latest) continue;
            fix = candidate;
            return true;
        }
        return false;
    }
}
