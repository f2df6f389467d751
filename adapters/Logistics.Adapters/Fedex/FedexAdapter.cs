using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Fedex;

/// <summary>
/// FedEx Track API 1.0 responses (<c>POST /track/v1/trackingnumbers</c>): <c>output.completeTrackResults[].trackResults[]</c>,
/// each result's <c>scanEvents[]</c> one milestone apiece (<see cref="FedexScan"/>) and its estimated delivery one more
/// (<see cref="FedexEstimates"/>). A result carrying only an error (number not found) has no events; a response carrying
/// only <c>errors</c> (authorisation, bad request) is rejected with FedEx's code and message.
/// </summary>
public sealed class FedexAdapter : IAdapter
{
    const string Document = "a FedEx Track API response ({\"output\": {\"completeTrackResults\": [...]}})";

    public AdapterInfo Info { get; } = new("fedex", AdapterFamilies.Parcel, ["FDXE", "FDXG", "FXFR"], InboundModes.Poll | InboundModes.Webhook,
        "FedEx Track API 1.0 tracking responses (scan events, estimated delivery)");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);
        var output = json.Object(root, "output");
        if (output is null && json.Array(root, "errors") is { Count: > 0 } errors)
        {
            var error = errors[0] as JObject;
            json.Fail(JsonInput.PathOf(errors[0]), "a tracking response, not a FedEx error", $"{json.Text(error, "code")}: {json.Text(error, "message")}");
            return json.Rejected();
        }
        if (json.Failed) return json.Rejected();
        if (output is null) return json.RejectMissing(root, "output", Document);

        var events = new List<CanonicalEvent>();
        foreach (var complete in json.Objects(output, "completeTrackResults"))
        {
            var requested = json.Text(complete, "trackingNumber");
            foreach (var result in json.Objects(complete, "trackResults"))
            {
                var info = json.Object(result, "trackingNumberInfo");
                var number = json.Text(info, "trackingNumber") ?? requested;
                var carrier = json.Text(info, "carrierCode");
                if (json.Failed) return json.Rejected();
                if (number is null) return json.RejectMissing(info ?? result, "trackingNumber", "the tracked number");
                var refs = new List<Reference> { new(RefSchemes.Tracking, number) };
                if (requested is not null && requested != number) refs.Add(new Reference(RefSchemes.Tracking, requested));
                var resultContext = context.Carrier is null && carrier is not null ? context with { Carrier = carrier } : context;

                foreach (var scan in json.Objects(result, "scanEvents"))
                {
                    FedexScan.Add(scan, refs, resultContext, json, events);
                    if (json.Failed) return json.Rejected();
                }
                FedexEstimates.Add(result, refs, resultContext, json, events);
                if (json.Failed) return json.Rejected();
            }
        }
        return json.Failed ? json.Rejected() : TranslationResult.Of(events);
    }
}
