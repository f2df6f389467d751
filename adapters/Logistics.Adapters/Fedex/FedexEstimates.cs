using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Fedex;

/// <summary>
/// A track result's forecasts: each <c>dateAndTimes</c> entry of a forecasting type (status-map.json <c>estimates</c>),
/// and, when there is no ESTIMATED_DELIVERY among them, the estimated delivery time window's end (else its beginning).
/// </summary>
static class FedexEstimates
{
    static readonly IReadOnlyDictionary<string, (string Milestone, TimeClassifier Classifier)> Types =
        StatusMap.Load("Fedex").Section("estimates").ToDictionary(p => p.Key, p => Parse(p.Key, p.Value), StringComparer.Ordinal);

    public static void Add(JObject result, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        var destination = json.Object(json.Object(result, "recipientInformation"), "address")
            ?? json.Object(json.Object(json.Object(result, "destinationLocation"), "locationContactAndAddress"), "address");
        var (hint, location) = FedexPlace.Of(destination, json);
        var delivery = false;
        foreach (var entry in json.Objects(result, "dateAndTimes"))
        {
            if (json.Text(entry, "type") is not { } type || !Types.TryGetValue(type, out var forecast)) continue;
            delivery |= type == "ESTIMATED_DELIVERY";
            Emit(entry, "dateTime", type, forecast, hint, location, refs, context, json, output);
            if (json.Failed) return;
        }
        if (delivery) return;
        var window = json.Object(json.Object(result, "estimatedDeliveryTimeWindow"), "window");
        var bound = json.String(window, "ends") is not null ? "ends" : "begins";
        if (window is not null && json.String(window, bound) is not null)
            Emit(window, bound, "ESTIMATED_DELIVERY", (MilestoneCodes.Delivered, TimeClassifier.EST), hint, location, refs, context, json, output);
    }

    static void Emit(JObject holder, string name, string type, (string Milestone, TimeClassifier Classifier) forecast,
        ZoneHint hint, Location? location, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        var text = json.String(holder, name);
        if (text is null) return;
        if (FedexPlace.Time(text, hint) is not var (time, dateOnly))
        {
            json.Fail(holder[name]!, "an ISO-8601 date-time");
            return;
        }
        var header = EventHeader.For(context, time, refs, type) with { Location = location, Flags = dateOnly ? [EventFlags.DateOnly] : [] };
        output.Add(header.Milestone(forecast.Milestone, forecast.Classifier));
    }

    static (string, TimeClassifier) Parse(string type, string value)
    {
        var parts = value.Split(' ');
        return parts.Length == 2 && Enum.TryParse<TimeClassifier>(parts[0], out var classifier) && MilestoneCodes.IsKnown(parts[1])
            ? (parts[1], classifier)
            : throw new InvalidOperationException($"fedex status-map.json: estimates.{type} '{value}' is not 'EST|PLN MILESTONE'");
    }
}
