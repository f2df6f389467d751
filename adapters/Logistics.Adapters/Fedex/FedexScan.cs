using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Fedex;

/// <summary>One scan event → one milestone: eventType through status-map.json, at the scan location, at its date.</summary>
static class FedexScan
{
    static readonly StatusMap Map = StatusMap.Load("Fedex");
    static readonly IReadOnlyDictionary<string, string> WithoutMilestone = Map.Section("withoutMilestone");

    public static void Add(JObject scan, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        var type = json.Text(scan, "eventType");
        var exception = json.Text(scan, "exceptionCode");
        var dateText = json.Text(scan, "date");
        if (json.Failed) return;
        if (type is null)
        {
            json.Missing(scan, "eventType", "the scan's event type code (PU, AR, DP, OD, DL, DE, …)");
            return;
        }
        if (WithoutMilestone.ContainsKey(type)) return;
        if (!Map.TryMap(type, out var milestone))
        {
            json.Fail(scan["eventType"]!, "a scan event type listed in fedex status-map.json (FedEx tracking status codes)");
            return;
        }
        var (hint, location) = FedexPlace.Of(json.Object(scan, "scanLocation"), json);
        if (dateText is null)
        {
            json.Missing(scan, "date", "the scan's date and time (ISO-8601)");
            return;
        }
        if (FedexPlace.Time(dateText, hint) is not var (time, dateOnly))
        {
            json.Fail(scan["date"]!, "an ISO-8601 date-time, e.g. 2018-02-02T12:01:00-07:00");
            return;
        }
        var header = EventHeader.For(context, time, refs, exception is null ? type : $"{type}/{exception}") with
        {
            Location = location,
            Flags = dateOnly ? [EventFlags.DateOnly] : [],
        };
        output.Add(header.Milestone(milestone, TimeClassifier.ACT));
    }
}
