using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Ups;

/// <summary>
/// UPS Track API v1 responses (<c>GET /api/track/v1/details/{inquiryNumber}</c>): <c>trackResponse.shipment[].package[]</c>,
/// each package's <c>activity[]</c> (newest first) one milestone apiece (<see cref="UpsActivity"/>), and its scheduled or
/// rescheduled delivery date one estimated delivery (<see cref="UpsDelivery"/>). An error response
/// (<c>{"response": {"errors": [...]}}</c>) is rejected with UPS's code and message, so it reaches quarantine.
/// </summary>
public sealed class UpsAdapter : IAdapter
{
    public const string Carrier = "UPS";
    const string Document = "a UPS Track API response ({\"trackResponse\": {\"shipment\": [...]}})";

    public AdapterInfo Info { get; } = new("ups", AdapterFamilies.Parcel, [Carrier], InboundModes.Poll | InboundModes.Webhook,
        "UPS Track API v1 tracking responses (package activities, scheduled delivery)");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);
        if (json.Object(root, "response") is { } response && json.Array(response, "errors") is { Count: > 0 } errors)
        {
            // The error's code and message are what an operator needs in quarantine.
            var error = errors[0] as JObject;
            json.Fail(JsonInput.PathOf(errors[0]), "a tracking response, not a UPS error",
                $"{json.Text(error, "code")}: {json.Text(error, "message")}");
            return json.Rejected();
        }
        var track = json.Object(root, "trackResponse");
        if (json.Failed) return json.Rejected();
        if (track is null) return json.RejectMissing(root, "trackResponse", Document);

        var carrierContext = context with { Carrier = context.Carrier ?? Carrier };
        var output = new List<CanonicalEvent>();
        foreach (var shipment in json.Objects(track, "shipment"))
        {
            var inquiry = json.Text(shipment, "inquiryNumber");
            foreach (var package in json.Objects(shipment, "package"))
            {
                var refs = UpsRefs.Of(package, inquiry, json);
                if (json.Failed) return json.Rejected();
                if (refs.Count == 0) return json.RejectMissing(package, "trackingNumber", "the package's tracking number");
                foreach (var activity in json.Objects(package, "activity"))
                {
                    UpsActivity.Add(activity, refs, carrierContext, json, output);
                    if (json.Failed) return json.Rejected();
                }
                UpsDelivery.AddEstimate(package, refs, carrierContext, json, output);
                if (json.Failed) return json.Rejected();
            }
        }
        return json.Failed ? json.Rejected() : TranslationResult.Of(output);
    }
}
