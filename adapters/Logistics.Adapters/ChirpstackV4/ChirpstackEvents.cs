using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.ChirpstackV4;

/// <summary>The integration event types of ChirpStack v4 (<c>integration.proto</c>).</summary>
internal enum ChirpstackEventKind
{
    Up,
    Status,
    Location,
    Join,
    Ack,
    TxAck,
    Log,
    Integration,
}

/// <summary>
/// Which event a body is, from the members only its message type has (<c>integration.proto</c>): an integration event
/// names its <c>integrationName</c>; a location event has <c>location</c>; a status event the DevStatusAns fields; a log
/// event <c>description</c>/<c>level</c>/<c>code</c>; acknowledgements the downlink's <c>queueItemId</c>/<c>fCntDown</c>; an uplink
/// its frame (<c>data</c>, <c>fPort</c>, <c>fCnt</c>, <c>rxInfo</c>, <c>object</c>); a join only <c>devAddr</c>. Checked in that order, so
/// the <c>object</c> of an integration event and the <c>txInfo</c> of a txack are not taken for an uplink's.
/// </summary>
internal static class ChirpstackEvents
{
    static readonly string[] StatusMembers = ["margin", "batteryLevel", "batteryLevelUnavailable", "externalPowerSource"];
    static readonly string[] LogMembers = ["description", "level", "code"];
    static readonly string[] AckMembers = ["queueItemId", "fCntDown", "acknowledged", "downlinkId"];
    static readonly string[] UplinkMembers = ["data", "object", "fPort", "fCnt", "rxInfo", "txInfo", "dr", "adr", "confirmed"];

    public static ChirpstackEventKind? KindOf(JObject root)
    {
        if (Has(root, "integrationName", "eventType")) return ChirpstackEventKind.Integration;
        if (root.ContainsKey("location")) return ChirpstackEventKind.Location;
        if (Has(root, StatusMembers)) return ChirpstackEventKind.Status;
        if (Has(root, LogMembers)) return ChirpstackEventKind.Log;
        if (Has(root, AckMembers)) return root.ContainsKey("acknowledged") ? ChirpstackEventKind.Ack : ChirpstackEventKind.TxAck;
        if (Has(root, UplinkMembers)) return ChirpstackEventKind.Up;
        if (root.ContainsKey("devAddr")) return ChirpstackEventKind.Join;
        return null;
    }

    /// <summary>Join, acknowledgements, logs and other integrations' events carry no reading of the device.</summary>
    public static bool CarriesNoReadings(this ChirpstackEventKind kind) =>
        kind is ChirpstackEventKind.Join or ChirpstackEventKind.Ack or ChirpstackEventKind.TxAck or ChirpstackEventKind.Log or ChirpstackEventKind.Integration;

    static bool Has(JObject o, params string[] names)
    {
        foreach (var name in names)
            if (o.ContainsKey(name)) return true;
        return false;
    }
}
