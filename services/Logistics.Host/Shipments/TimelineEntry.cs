using NodaTime;

namespace Logistics.Host.Shipments;

public sealed record TimelineLocation(string? Unlocode, string? Name, double? Lat, double? Lon);

/// <summary>
/// One line of a shipment's timeline (API.md: <c>{at, kind, code, classifier, carrier, location, eventId}</c>): a carrier
/// milestone, an association, a device alarm, a retraction, or a change of the shipment itself (<c>DEVICE_ATTACHED</c>…).
/// <see cref="Ref"/> is the reference it was found under; <see cref="ReceivedAt"/> orders estimates by how new they are.
/// </summary>
public sealed record TimelineEntry(Instant At, string Kind, string? Code, string? Classifier, string? Carrier, TimelineLocation? Location,
    string EventId, string Ref, string? Adapter, string? Detail, string? SourceEventId, Instant ReceivedAt);
