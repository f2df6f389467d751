using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>A carrier milestone now belongs to a shipment (webhook event <c>milestone</c>).</summary>
public sealed record MilestoneRecorded : IShipmentNotification
{
    public required string NotificationId { get; init; }
    public required string TenantId { get; init; }
    public required string ShipmentId { get; init; }
    public required Instant OccurredAt { get; init; }
    /// <summary>The canonical event id of the milestone.</summary>
    public required string EventId { get; init; }
    public required string Code { get; init; }
    /// <summary>ACT, EST or PLN.</summary>
    public required string Classifier { get; init; }
    public string? Carrier { get; init; }
    public NotificationPlace? Location { get; init; }
}
