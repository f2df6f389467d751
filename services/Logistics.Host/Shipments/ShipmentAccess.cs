using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Marten;
using Npgsql;

namespace Logistics.Host.Shipments;

/// <summary>A shipment the caller may see: its owner's tenant (where its data lives) and whether the caller owns it.</summary>
public sealed record VisibleShipment(string OwnerTenantId, ShipmentRecord Record, bool Owned);

/// <summary>
/// Finds a shipment for a caller: in the caller's own tenant, else through a share granted to the caller's tenant.
/// Anything else is "not found", exactly as for an id that never existed (API.md: never reveal that it exists).
/// </summary>
public sealed class ShipmentAccess(IDocumentStore store, NpgsqlDataSource db, HostSettings settings)
{
    public async Task<VisibleShipment?> FindAsync(Caller caller, string shipmentId, CancellationToken ct)
    {
        await using (var own = store.QuerySession(caller.TenantId))
            if (await own.LoadAsync<ShipmentRecord>(ShipmentStreams.Key(shipmentId), ct) is { } mine)
                return new VisibleShipment(caller.TenantId, mine, Owned: true);

        if (await SharedOwnerAsync(caller.TenantId, shipmentId, ct) is not { } owner) return null;
        await using var theirs = store.QuerySession(owner);
        return await theirs.LoadAsync<ShipmentRecord>(ShipmentStreams.Key(shipmentId), ct) is { } shared ? new VisibleShipment(owner, shared, Owned: false) : null;
    }

    /// <summary>Ids and owners of the shipments other tenants shared with this one.</summary>
    public async Task<IReadOnlyList<(string ShipmentId, string OwnerTenantId)>> SharedWithAsync(string granteeTenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select shipment_id, owner_tenant_id from {settings.Schema}.shipment_shares where grantee_tenant_id = $1 order by shared_at, shipment_id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = granteeTenantId });
        var list = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    async Task<string?> SharedOwnerAsync(string granteeTenantId, string shipmentId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select owner_tenant_id from {settings.Schema}.shipment_shares where shipment_id = $1 and grantee_tenant_id = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipmentId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = granteeTenantId });
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Shipment ids of the tenant registered with this reference (any window), newest first.</summary>
    public async Task<IReadOnlyList<string>> WithRefAsync(string tenantId, string reference, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select shipment_id from {settings.Schema}.shipment_refs where tenant_id = $1 and ref = $2 order by registered_at desc, shipment_id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = reference });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }
}
