using NodaTime;

namespace Logistics.Host.Shipments;

// The events of a shipment stream (`shipment:<id>`): its registration and its changes. Carrier events are never copied
// here: they belong to the shipment through the identifier index (ShipmentIndexProjection, ShipmentTimeline).

/// <summary>A reference the shipment is known by (<c>container:MSKU1234565</c>, <c>bol:MAEU123</c>).</summary>
public sealed record ShipmentRef(string Scheme, string Value)
{
    public override string ToString() => $"{Scheme}:{Value}";
}

public sealed record Product(string? Name, string? Lot);

public sealed record LegSpec(string Id, string? Custodian, string? Mode);

/// <summary>The temperature profile: a ready-made id (<c>col-2-8</c>) or the inline profile JSON exactly as given.</summary>
public sealed record ProfileSpec(string? Id, string? Json);

public sealed record ShipmentRegistered(
    string ShipmentId,
    string Reference,
    IReadOnlyList<ShipmentRef> Refs,
    Product? Product,
    ProfileSpec Profile,
    string? Consignee,
    IReadOnlyList<LegSpec> Legs,
    Instant? From,
    Instant? To,
    Instant RegisteredAt,
    string RegisteredBy);

/// <summary>A device (logger) counts for the shipment from <paramref name="From"/> until <paramref name="To"/> (open when null).</summary>
public sealed record DeviceAttached(string ShipmentId, string Device, Instant From, Instant? To, string Position, Instant At, string By);

/// <summary>Closes the device's open window at <paramref name="To"/>.</summary>
public sealed record DeviceWindowEnded(string ShipmentId, string Device, Instant WindowFrom, Instant To, Instant At, string By);

/// <summary>Another tenant (a consignee) may read this one shipment.</summary>
public sealed record ShipmentShared(string ShipmentId, string OwnerTenantId, string GranteeTenantId, Instant At, string By);

public static class ShipmentStreams
{
    public static string Key(string shipmentId) => $"shipment:{shipmentId}";

    public static string NewId() => "shp_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public static readonly Type[] EventTypes = [typeof(ShipmentRegistered), typeof(DeviceAttached), typeof(DeviceWindowEnded), typeof(ShipmentShared)];
}
