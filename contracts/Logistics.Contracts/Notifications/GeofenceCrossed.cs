using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>A shipment's device entered or left a geofence (webhook event <c>geofence</c>).</summary>
public sealed record GeofenceCrossed : IShipmentNotification
{
    public required string NotificationId { get; init; }
    public required string TenantId { get; init; }
    public required string ShipmentId { get; init; }
    /// <summary>The fix that confirmed the crossing.</summary>
    public required Instant OccurredAt { get; init; }
    public required string GeofenceId { get; init; }
    public required string GeofenceName { get; init; }
    /// <summary>GEOFENCE_ENTERED or GEOFENCE_EXITED.</summary>
    public required string Code { get; init; }
    public required string DeviceId { get; init; }
    public NotificationPlace? Location { get; init; }
}
