using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;

namespace Logistics.Adapters.EdifactIftsta;

/// <summary>
/// One STS → its milestone (status-map.json <c>map</c>), actual, dated by the status's own DTM or the message date, at
/// the status LOC; and one estimated milestone per forecasting DTM (<c>dates</c>: 17 delivery, 132 arrival, 133 departure),
/// without a location (the forecast place is not the status's).
/// </summary>
static class StatusEvents
{
    public static void Add(Status status, List<Reference> refs, EdifactSegment? messageDate, IftstaCodes codes, TranslationContext context, List<CanonicalEvent> output)
    {
        var sts = status.Segment;
        var code = sts[2];
        if (code.Length == 0) throw sts.Error(2, 1, "a status event code (STS C555)");
        if (!codes.TryMilestone(code, out var milestone)) throw sts.Error(2, 1, "a status code listed in edifact-iftsta status-map.json");
        var sourceCode = sts[3].Length > 0 ? $"{code}/{sts[3]}" : code;

        var (place, location) = Place(status.Place);
        EdifactSegment? own = null;
        var estimates = new List<(string Milestone, EdifactSegment Dtm)>();
        foreach (var dtm in status.Dates)
        {
            if (!codes.Dates.TryGetValue(dtm[1], out var forecast)) continue;
            if (forecast is null) own ??= dtm;
            else estimates.Add((forecast, dtm));
        }

        var flag = (string?)null;
        var dated = own ?? messageDate;
        if (dated is null)
            throw new EdifactInputException(sts.Position, "a status date (DTM+334 after the STS) or the message date (DTM+137)", "neither");
        var (time, dateOnly) = IftstaTime.Read(dated, place);
        if (own is null) flag = EventFlags.TimeOfMessage;
        else if (dateOnly) flag = EventFlags.DateOnly;

        var header = EventHeader.For(context, time, refs, sourceCode) with { Location = location, Flags = flag is null ? [] : [flag] };
        output.Add(header.Milestone(milestone, TimeClassifier.ACT));
        foreach (var (forecast, dtm) in estimates)
        {
            var (estimate, estimateDateOnly) = IftstaTime.Read(dtm, place);
            // Where the forecast milestone will happen (the consignee, the next terminal) is not the status's place: no
            // location; a time without zone is still read in the status place's zone, the best the message offers.
            var estimated = header.At(estimate) with { Location = null, Flags = estimateDateOnly ? [EventFlags.DateOnly] : [] };
            output.Add(estimated.Milestone(forecast, TimeClassifier.EST));
        }
    }

    /// <summary>LOC C517: a UN/LOCODE (3225, code list 139/6) gives the zone; the name (3224) is kept.</summary>
    static (ZoneHint, Location?) Place(EdifactSegment? loc)
    {
        if (loc is null) return (ZoneHint.None, null);
        var code = loc[2, 1];
        var name = loc[2, 4];
        var unlocode = IsUnlocode(code) ? code : null;
        if (unlocode is null && name.Length == 0) return (ZoneHint.None, null);
        return (new ZoneHint(Unlocode: unlocode), new Location(unlocode, name.Length > 0 ? name : null, null, null));
    }

    static bool IsUnlocode(string s) =>
        s.Length == 5 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]) && s.Skip(2).All(c => char.IsAsciiLetterUpper(c) || c is >= '2' and <= '9');
}
