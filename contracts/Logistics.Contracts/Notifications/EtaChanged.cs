using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>
/// The newest carrier estimate for one leg of a shipment (or, where no leg is the carrier's, for that carrier) is its first,
/// or moved by more than the threshold from the last one notified for that leg (webhook event <c>eta.changed</c>).
/// </summary>
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
    /// <summary>The carrier: the milestone's own, else the custodian of the leg it was attributed to.</summary>
    public string? Carrier { get; init; }
    /// <summary>The leg the estimate is for; null when no leg of the shipment is the carrier's.</summary>
    public string? LegId { get; init; }
}
