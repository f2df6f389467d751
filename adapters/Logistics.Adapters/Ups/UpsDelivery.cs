using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Ups;

/// <summary>
/// The package's scheduled (SDD) or rescheduled (RDD) delivery date → DELIVERED/EST: by the end of the deliveryTime
/// window or the commit time, else local midnight (date-only), at the package's destination address.
/// </summary>
static class UpsDelivery
{
    static readonly IReadOnlyDictionary<string, string> Estimates = StatusMap.Load("Ups").Section("estimates");

    public static void AddEstimate(JObject package, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        // RDD replaces SDD when UPS reschedules: the last forecasting entry wins.
        JObject? forecast = null;
        foreach (var d in json.Objects(package, "deliveryDate"))
            if (json.Text(d, "type") is { } type && Estimates.ContainsKey(type) && (forecast is null || type == "RDD")) forecast = d;
        if (forecast is null || json.Failed) return;

        var dateText = json.Text(forecast, "date");
        if (dateText is null || UpsActivity.ParseDate(dateText) is not { } date)
        {
            json.Fail(forecast["date"] ?? forecast, "a delivery date YYYYMMDD");
            return;
        }
        var deliveryTime = json.Object(package, "deliveryTime");
        var end = json.Text(deliveryTime, "endTime");
        var windowType = json.Text(deliveryTime, "type");
        LocalTime? clock = null;
        if (end is not null && windowType is "EDW" or "CDW" or "IDW" or "CMT")
        {
            clock = UpsActivity.ParseTime(end);
            if (clock is null)
            {
                json.Fail(deliveryTime!["endTime"]!, "a delivery time HHMMSS (24 h)");
                return;
            }
        }
        var (hint, location) = UpsPlace.Of(Destination(package, json), json);
        var time = hint.Resolve(date.At(clock ?? LocalTime.Midnight));
        var header = EventHeader.For(context, time, refs, json.Text(forecast, "type")) with
        {
            Location = location,
            Flags = clock is null ? [EventFlags.DateOnly] : [],
        };
        output.Add(header.Milestone(MilestoneCodes.Delivered, TimeClassifier.EST));
    }

    /// <summary>The packageAddress of type DESTINATION (or ship-to code 02), else none.</summary>
    static JObject? Destination(JObject package, JsonInput json)
    {
        foreach (var a in json.Objects(package, "packageAddress"))
            if (json.Text(a, "type") is "DESTINATION" or "02") return json.Object(a, "address");
        return null;
    }
}
