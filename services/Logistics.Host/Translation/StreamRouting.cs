using Logistics.Canonical.Events;

namespace Logistics.Host.Translation;

/// <summary>
/// Which Marten stream an event belongs to (ARCHITECTURE.md, streams). Readings, positions and device alarms go to the
/// device's stream, keyed <c>scheme:value</c> of its first device reference. Milestones, associations and retractions
/// go to a reference stream keyed by the event's first reference (<c>container:MSKU1234565</c>), where they stay parked
/// until shipment registration links the reference to a consignment — never dropped.
/// </summary>
public static class StreamRouting
{
    public static string StreamKeyFor(CanonicalEvent e)
    {
        if (e is MeasurementEvent or PositionEvent or AlarmEvent)
            foreach (var r in e.Refs)
                if (RefSchemes.Device.Contains(r.Scheme))
                    return DeviceKey(r);
        return e.Refs.Count > 0 ? $"ref:{e.Refs[0]}" : $"ref:unreferenced:{e.Source.Adapter}";
    }

    public static string DeviceKey(Reference deviceRef) => $"device:{deviceRef}";

    /// <summary>The device stream keys an id given in a URL may mean: <c>devEui:…</c> as written, or a bare id under each device scheme.</summary>
    public static IReadOnlyList<string> DeviceKeysFor(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            return colon > 0 && colon < id.Length - 1 ? [DeviceKey(Normalise(Reference.Parse(id)))] : [$"device:{id}"];
        return RefSchemes.Device.Select(s => DeviceKey(Normalise(new Reference(s, id)))).ToList();
    }

    /// <summary>Device references as adapters write them: a DevEUI is upper-case hex, whatever a URL or a profile said.</summary>
    public static Reference Normalise(Reference r) =>
        r.Scheme == RefSchemes.DevEui ? r with { Value = r.Value.ToUpperInvariant() } : r;
}
