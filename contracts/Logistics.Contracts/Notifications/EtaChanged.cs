using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>The newest carrier estimate of a shipment moved by more than the threshold (webhook event <c>eta.changed</c>).</summary>
public sealed record EtaChanged : IShipmentNotification
{
    public required string NotificationId { get; init; }
    public required string TenantId { get; init; }
    public required string ShipmentId { get; init; }
    /// <summary>When the new estimate was issued (its event's receivedAt).</summary>
    public required Instant OccurredAt { get; init; }
    public Instant? PreviousEta { get; init; }
    public required Instant Eta { get; init; }
    /// <summary>EST or PLN.</summary>
    public required string Classifier { get; init; }
    /// <summary>The milestone estimated (DELIVERED, ARRIVED, AVAILABLE_FOR_DELIVERY).</summary>
    public required string Code { get; init; }
    public string? Carrier { get; init; }
}
