using Logistics.Host.Infrastructure;
using Npgsql;

namespace Logistics.Host.Shipments;

/// <summary>
/// The shipments read models as flat tables (written inline by <see cref="ShipmentIndexProjection"/> and
/// <see cref="TimelineProjection"/>):
/// <list type="bullet">
/// <item><c>shipment_refs</c> — the identifier index: (tenant, scheme:value) → shipment, with the registration's window;</item>
/// <item><c>shipment_devices</c> — device windows: a device's readings count for the shipment inside them;</item>
/// <item><c>shipment_shares</c> — which other tenant may read which shipment (looked up before the owner is known);</item>
/// <item><c>timeline_entries</c> — every milestone, association, alarm and retraction, once per reference it names,
/// and the shipment stream's own changes under <c>@shp_…</c>.</item>
/// </list>
/// </summary>
public sealed class ShipmentTables : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create table if not exists {schema}.shipment_refs (
                tenant_id      text not null,
                ref            text not null,
                shipment_id    text not null,
                window_from    timestamptz,
                window_to      timestamptz,
                registered_at  timestamptz not null,
                primary key (tenant_id, ref, shipment_id)
            );
            create index if not exists shipment_refs_shipment on {schema}.shipment_refs (tenant_id, shipment_id);
            create table if not exists {schema}.shipment_devices (
                tenant_id      text not null,
                shipment_id    text not null,
                device         text not null,
                window_from    timestamptz not null,
                window_to      timestamptz,
                position       text not null,
                primary key (tenant_id, shipment_id, device, window_from)
            );
            create index if not exists shipment_devices_device on {schema}.shipment_devices (tenant_id, device);
            create table if not exists {schema}.shipment_shares (
                shipment_id        text not null,
                owner_tenant_id    text not null,
                grantee_tenant_id  text not null,
                shared_at          timestamptz not null,
                primary key (shipment_id, grantee_tenant_id)
            );
            create table if not exists {schema}.timeline_entries (
                tenant_id        text not null,
                ref              text not null,
                occurred_at      timestamptz not null,
                event_id         text not null,
                kind             text not null,
                code             text,
                classifier       text,
                carrier          text,
                adapter          text,
                unlocode         text,
                location_name    text,
                lat              double precision,
                lon              double precision,
                source_event_id  text,
                detail           text,
                received_at      timestamptz not null,
                primary key (tenant_id, ref, occurred_at, event_id)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
