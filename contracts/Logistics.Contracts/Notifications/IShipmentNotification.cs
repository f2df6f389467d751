using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>
/// Something a shipper may be told about one of their shipments, published on RabbitMQ after the facts behind it are
/// committed; the outbound webhooks consume these. <see cref="NotificationId"/> is derived from those facts, so a
/// redelivery or a recomputation publishes the same id again and receivers can dedupe (it becomes <c>webhook-id</c>).
/// </summary>
public interface IShipmentNotification
{
    /// <summary>Deterministic id of this notification (a name-based UUID over what it reports).</summary>
    string NotificationId { get; }

    /// <summary>The tenant that owns the shipment.</summary>
    string TenantId { get; }

    string ShipmentId { get; }

    /// <summary>When it happened in the world (UTC).</summary>
    Instant OccurredAt { get; }
}

/// <summary>A place as a notification carries it; any field may be null.</summary>
public sealed record NotificationPlace(string? Unlocode, string? Name, double? Lat, double? Lon);
