using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.OrbcommIdp;

/// <summary>
/// IsatData Pro (IDP) satellite messaging — ORBCOMM's and Inmarsat's gateways serve the same Messaging API: the JSON response of
/// <c>get_return_messages</c>, fetched by a poller with a mailbox's credentials. One event per reading of each message
/// (<see cref="IdpReturnMessage"/>). <c>ErrorID</c> other than 0 is the gateway refusing the request (21785: bad credentials…): a
/// rejection, nothing to translate. <c>Messages</c> null (nothing new) gives no events. The paging cursor
/// (<c>More</c>, <c>NextStartUTC</c>, <c>NextStartID</c>) is the poller's business: <see cref="IdpReturnCursor"/> reads it.
/// The carrier is the context's (the poller knows which gateway it asked); the body does not say.
/// </summary>
public sealed class OrbcommIdpAdapter : IAdapter
{
    public const string AdapterId = "orbcomm-idp";
    const string Document = "an IDP get_return_messages response";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Satellite, ["ORBCOMM", "Inmarsat"], InboundModes.Poll | InboundModes.File,
        "IsatData Pro (ORBCOMM / Inmarsat) get_return_messages JSON: core-modem and decoded positions, RawPayload via the device's codec");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);

        if (JsonInput.Member(root, "ErrorID") is not { } error)
            return json.RejectMissing(root, "ErrorID", "the response's ErrorID (0: no error)");
        if (error is not JValue { Type: JTokenType.Integer, Value: long code } || code != 0)
            return json.RejectAt(error, "ErrorID 0 (no error; the gateway's error codes are listed by info_errors.json)");

        var events = new List<CanonicalEvent>();
        foreach (var message in json.Objects(root, "Messages"))
            if (!IdpReturnMessage.Add(message, context, json, events)) break;
        return json.Failed ? json.Rejected() : TranslationResult.Of(events);
    }
}
