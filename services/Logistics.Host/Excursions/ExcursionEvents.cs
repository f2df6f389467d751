using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Host.Excursions;

// Events the live excursion processing appends to a shipment stream. Their ids are derived from what they state, so
// processing the same readings again (a restart, a late reading that changes nothing) never appends one twice.

/// <summary>A logger of the shipment went out of a zone's range at <paramref name="Start"/> (leg and custodian at that time).</summary>
public sealed record ExcursionObserved(string ShipmentId, string ExcursionId, string DeviceId, string ZoneId, Instant Start, double Celsius,
    string? LegId, string? Custodian, Instant ObservedAt);

/// <summary>A zone's delay was crossed: the alarm the report lists, with its triggeredAt, leg and custodian.</summary>
public sealed record ExcursionAlarmRaised(string ShipmentId, string AlarmId, string DeviceId, string ZoneId, string Type, string Severity,
    double DelayMinutes, Instant TriggeredAt, string Detail, string? LegId, string? Custodian, Instant RaisedAt);

/// <summary>A late reading (or a window change) showed that an alarm raised before did not happen as stated.</summary>
public sealed record ExcursionAlarmWithdrawn(string ShipmentId, string AlarmId, string DeviceId, string ZoneId, Instant TriggeredAt, string Reason,
    Instant WithdrawnAt);

public static class ExcursionIds
{
    public static string Excursion(string tenantId, string shipmentId, string deviceId, string zoneId, Instant start) =>
        EventIds.Derive($"{tenantId}|excursion|{shipmentId}|{deviceId}|{zoneId}|{start.ToUnixTimeTicks()}");

    public static string Alarm(string tenantId, string shipmentId, string deviceId, string zoneId, Instant triggeredAt) =>
        EventIds.Derive($"{tenantId}|alarm|{shipmentId}|{deviceId}|{zoneId}|{triggeredAt.ToUnixTimeTicks()}");

    /// <summary>The stored event id of a live-processing event: its own id for raises, derived for a withdrawal.</summary>
    public static Guid EventId(string id, string what) => EventIds.DeriveGuid($"{what}|{id}");

    public static readonly Type[] EventTypes = [typeof(ExcursionObserved), typeof(ExcursionAlarmRaised), typeof(ExcursionAlarmWithdrawn)];
}
