using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using static Logistics.Host.Infrastructure.SqlValues;

namespace Logistics.Host.Shipments;

/// <summary>
/// Inline projection of shipment streams into the identifier index (<c>shipment_refs</c>), the device windows
/// (<c>shipment_devices</c>), the shares and the shipment's own timeline entries (device attached / window ended),
/// in the same transaction as the shipment events. Registrations are rare: one statement per change is fine here.
/// </summary>
public sealed class ShipmentIndexProjection(string schema) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var own = new TimelineProjection.TimelineRows();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case ShipmentRegistered r:
                    foreach (var reference in r.Refs.Select(x => x.ToString()).Distinct(StringComparer.Ordinal))
                        operations.QueueSqlCommand(
                            $"insert into {schema}.shipment_refs (tenant_id, ref, shipment_id, window_from, window_to, registered_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                            e.TenantId, reference, r.ShipmentId, Nullable(r.From), Nullable(r.To), Utc(r.RegisteredAt));
                    break;
                case DeviceAttached d:
                    operations.QueueSqlCommand(
                        $"insert into {schema}.shipment_devices (tenant_id, shipment_id, device, window_from, window_to, position) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                        e.TenantId, d.ShipmentId, d.Device, Utc(d.From), Nullable(d.To), d.Position);
                    own.Add(e.TenantId, OwnRef(d.ShipmentId), d.From, e.Id.ToString(),
                        new("association", "DEVICE_ATTACHED", null, null, $"{d.Device} ({d.Position})"), null, null, null, d.At);
                    break;
                case DeviceWindowEnded w:
                    operations.QueueSqlCommand(
                        $"update {schema}.shipment_devices set window_to = ? where tenant_id = ? and shipment_id = ? and device = ? and window_from = ?",
                        Utc(w.To), e.TenantId, w.ShipmentId, w.Device, Utc(w.WindowFrom));
                    own.Add(e.TenantId, OwnRef(w.ShipmentId), w.To, e.Id.ToString(),
                        new("association", "DEVICE_DETACHED", null, null, w.Device), null, null, null, w.At);
                    break;
                case ShipmentShared s:
                    operations.QueueSqlCommand(
                        $"insert into {schema}.shipment_shares (shipment_id, owner_tenant_id, grantee_tenant_id, shared_at) values (?, ?, ?, ?) on conflict do nothing",
                        s.ShipmentId, s.OwnerTenantId, s.GranteeTenantId, Utc(s.At));
                    break;
            }
        }
        if (own.Count > 0) own.Queue(operations, schema);
        return Task.CompletedTask;
    }

    /// <summary>The timeline key of a shipment's own changes; never a real reference (those are always scheme:value).</summary>
    public static string OwnRef(string shipmentId) => "@" + shipmentId;
}
