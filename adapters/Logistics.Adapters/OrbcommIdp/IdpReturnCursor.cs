using Logistics.Adapters.Sdk;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.OrbcommIdp;

/// <summary>
/// The paging cursor of a <c>get_return_messages</c> response, for the poller that fetches them (the adapter itself only
/// translates messages). IDP Messaging API: <c>More</c> says more messages wait; <c>NextStartUTC</c> is "the next start time high
/// water mark for a subsequent get_return_messages call — an empty string indicates no more messages are pending";
/// <c>NextStartID</c> is "the unique message ID high water mark … a value -1 indicates no more messages are pending", passed back as
/// <c>from_id</c> (messages after that ID; it overrides <c>start_utc</c>). The poller advances its cursor only after the raw
/// response is stored.
/// </summary>
public sealed record IdpReturnCursor(bool More, Instant? NextStartUtc, long? NextStartId)
{
    /// <summary>The cursor of a response; null when the body is not a get_return_messages response (or reports an error).</summary>
    public static IdpReturnCursor? Read(ReadOnlyMemory<byte> raw)
    {
        var json = JsonInput.Parse(raw, "a get_return_messages response");
        if (json.Failed || json.Root is not JObject root || root["ErrorID"] is not JValue { Type: JTokenType.Integer, Value: long error } || error != 0) return null;
        var more = json.Boolean(root, "More");
        var nextStart = json.String(root, "NextStartUTC") is { Length: > 0 } text && IdpTime.TryParse(text, out var at) ? at : (Instant?)null;
        var nextId = root["NextStartID"] is JValue { Type: JTokenType.Integer, Value: long id } && id >= 0 ? id : (long?)null;
        return json.Failed ? null : new IdpReturnCursor(more, nextStart, nextId);
    }
}
