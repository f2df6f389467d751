using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Ups;

/// <summary>
/// One activity → one milestone: status.code (MP, OT) or else status.type through status-map.json, at the activity's
/// address, dated by date + time (local) with the GMT offset when UPS gives it.
/// </summary>
static class UpsActivity
{
    static readonly StatusMap Map = StatusMap.Load("Ups");
    static readonly IReadOnlyDictionary<string, string> Codes = Map.Section("codes");
    static readonly IReadOnlyDictionary<string, string> WithoutMilestone = Map.Section("withoutMilestone");

    public static void Add(JObject activity, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        var status = json.Object(activity, "status");
        var type = json.Text(status, "type");
        var code = json.Text(status, "code");
        if (json.Failed) return;
        if (status is null || type is null)
        {
            json.Missing(status ?? activity, status is null ? "status" : "type", "the activity status type (D, I, M, P, X, …)");
            return;
        }
        if (WithoutMilestone.ContainsKey(type)) return;
        string? milestone = null;
        if (code is not null && Codes.TryGetValue(code, out var byCode)) milestone = byCode;
        else if (!Map.TryMap(type, out milestone!))
        {
            json.Fail(status["type"]!, "an activity status type listed in ups status-map.json (D, I, M, MV, P, X, RS, DO, DD, W, NA, O)");
            return;
        }

        var (hint, location) = UpsPlace.Of(json.Object(json.Object(activity, "location"), "address"), json);
        if (Time(activity, hint, json) is not var (time, dateOnly)) return;
        var header = EventHeader.For(context, time, refs, code is null ? type : $"{type}/{code}") with
        {
            Location = location,
            Flags = dateOnly ? [EventFlags.DateOnly] : [],
        };
        output.Add(header.Milestone(milestone, TimeClassifier.ACT));
    }

    /// <summary>date YYYYMMDD + time HHMMSS, local; gmtOffset (±HH:MM) makes it explicit.</summary>
    static (ResolvedTime Time, bool DateOnly)? Time(JObject activity, ZoneHint hint, JsonInput json)
    {
        var dateText = json.Text(activity, "date");
        var timeText = json.Text(activity, "time");
        var offsetText = json.Text(activity, "gmtOffset");
        if (json.Failed) return null;
        if (dateText is null)
        {
            json.Missing(activity, "date", "the activity date YYYYMMDD");
            return null;
        }
        if (ParseDate(dateText) is not { } date)
        {
            json.Fail(activity["date"]!, "an activity date YYYYMMDD");
            return null;
        }
        var clock = LocalTime.Midnight;
        if (timeText is not null)
        {
            if (ParseTime(timeText) is not { } parsed)
            {
                json.Fail(activity["time"]!, "an activity time HHMMSS (24 h)");
                return null;
            }
            clock = parsed;
        }
        var local = date.At(clock);
        var dateOnly = timeText is null;
        if (offsetText is null) return (hint.Resolve(local), dateOnly);
        if (NodaTime.Text.OffsetPattern.GeneralInvariantWithZ.Parse(offsetText) is { Success: true } offset)
            return (ResolvedTime.Explicit(local.WithOffset(offset.Value)), dateOnly);
        json.Fail(activity["gmtOffset"]!, "a GMT offset ±HH:MM");
        return null;
    }

    public static LocalDate? ParseDate(string s)
    {
        if (s.Length != 8 || s.AsSpan().ContainsAnyExcept("0123456789")) return null;
        int year = Num(s, 0, 4), month = Num(s, 4, 2), day = Num(s, 6, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        return new LocalDate(year, month, day);
    }

    /// <summary>HHMMSS, or HMMSS as UPS writes early hours (gmtTime 74700 = 07:47:00).</summary>
    public static LocalTime? ParseTime(string s)
    {
        if (s.Length is not (5 or 6) || s.AsSpan().ContainsAnyExcept("0123456789")) return null;
        if (s.Length == 5) s = "0" + s;
        int hour = Num(s, 0, 2), minute = Num(s, 2, 2), second = Num(s, 4, 2);
        return hour > 23 || minute > 59 || second > 59 ? null : new LocalTime(hour, minute, second);
    }

    static int Num(string s, int at, int length) => int.Parse(s.AsSpan(at, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
