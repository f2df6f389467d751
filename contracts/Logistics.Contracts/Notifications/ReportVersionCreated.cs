using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>A new GxP report version of a shipment was fixed (webhook event <c>report.version</c>).</summary>
public sealed record ReportVersionCreated : IShipmentNotification
{
    public required string NotificationId { get; init; }
    public required string TenantId { get; init; }
    public required string ShipmentId { get; init; }
    /// <summary>When the version was made.</summary>
    public required Instant OccurredAt { get; init; }
    public required int Version { get; init; }
    public required string ContentSha256 { get; init; }
    /// <summary>pass, alarm or incomplete.</summary>
    public required string Verdict { get; init; }
}
