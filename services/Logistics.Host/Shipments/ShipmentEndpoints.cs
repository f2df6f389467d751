using System.Text.Json;
using JasperFx.Events;
using Logistics.Access;
using Logistics.Canonical.Json;
using Logistics.Canonical.Time;
using Logistics.Host.Access;
using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Shipments;

/// <summary>
/// <c>/shipments</c>: registration, summaries, timeline, readings, device windows and shares. A shipment of another tenant
/// is 404 exactly as one that does not exist, unless it was shared with the caller's tenant (then readable, not writable).
/// </summary>
public static class ShipmentEndpoints
{
    public sealed record ShipmentList(int Count, IReadOnlyList<ShipmentSummary> Items);

    public sealed record TimelinePage(string ShipmentId, int Count, IReadOnlyList<TimelineEntry> Entries);

    public sealed record ReadingsPage(string ShipmentId, Instant? From, Instant? To, int Count, IReadOnlyList<Reading> Readings);

    public sealed record ShareView(string ShipmentId, string TenantId, Instant SharedAt);

    internal static async Task<Results<Created<ShipmentSummary>, ProblemHttpResult>> Register(JsonElement body, HttpContext http, IDocumentStore store,
        ShipmentSummaries summaries, IClock clock, CancellationToken ct)
    {
        Registration r;
        try { r = ShipmentRequests.Registration(body); }
        catch (RequestException ex) { return Problems.BadRequest(ex.Message, ex.Where, ex.Expected); }

        var caller = Caller.Of(http);
        var id = ShipmentStreams.NewId();
        var registered = new ShipmentRegistered(id, r.Reference, r.Refs, r.Product, r.Profile, r.Consignee, r.Legs, r.From, r.To,
            clock.GetCurrentInstant(), caller.KeyId);
        await using (var session = store.LightweightSession(caller.TenantId))
        {
            session.Events.StartStream(ShipmentStreams.Key(id), registered);
            await session.SaveChangesAsync(ct);
        }
        var record = await LoadOwnAsync(store, caller.TenantId, id, ct);
        return TypedResults.Created($"/shipments/{id}", await summaries.BuildAsync(caller.TenantId, record!.Value.Record, ct));
    }

    internal static async Task<Results<Ok<ShipmentList>, ProblemHttpResult>> List(string? @ref, string? status, int? limit, HttpContext http,
        IDocumentStore store, ShipmentAccess access, ShipmentSummaries summaries, CancellationToken ct)
    {
        if (limit is < 1 or > 200) return Problems.BadRequest($"limit {limit} out of range", "limit", "1..200");
        if (status is not (null or "planned" or "in-transit" or "delivered" or "exception"))
            return Problems.BadRequest($"unknown status '{status}'", "status", "planned, in-transit, delivered or exception");
        string? reference = null;
        if (@ref is not null)
        {
            var colon = @ref.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == @ref.Length - 1) return Problems.BadRequest($"ref '{@ref}' is not scheme:value", "ref", "e.g. container:MSKU1234565");
            reference = @ref[..colon] is "devEui" or "container" or "uld" ? @ref[..colon] + ":" + @ref[(colon + 1)..].ToUpperInvariant() : @ref;
        }

        var caller = Caller.Of(http);
        var visible = new List<(string Tenant, ShipmentRecord Record)>();
        await using (var own = store.QuerySession(caller.TenantId))
        {
            var records = reference is null
                ? await own.Query<ShipmentRecord>().OrderByDescending(x => x.CreatedAt).Take(500).ToListAsync(ct)
                : await own.LoadManyAsync<ShipmentRecord>(ct, (await access.WithRefAsync(caller.TenantId, reference, ct)).Select(ShipmentStreams.Key));
            visible.AddRange(records.Select(x => (caller.TenantId, x)));
        }
        foreach (var (shipmentId, owner) in await access.SharedWithAsync(caller.TenantId, ct))
        {
            await using var theirs = store.QuerySession(owner);
            if (await theirs.LoadAsync<ShipmentRecord>(ShipmentStreams.Key(shipmentId), ct) is { } shared
                && (reference is null || shared.Refs.Any(x => x.ToString() == reference)))
                visible.Add((owner, shared));
        }

        var items = new List<ShipmentSummary>();
        foreach (var (tenant, record) in visible.OrderByDescending(v => v.Record.CreatedAt).ThenBy(v => v.Record.ShipmentId, StringComparer.Ordinal))
        {
            var summary = await summaries.BuildAsync(tenant, record, ct);
            if (status is null || summary.Status == status) items.Add(summary);
            if (items.Count == (limit ?? 50)) break;
        }
        return TypedResults.Ok(new ShipmentList(items.Count, items));
    }

    internal static async Task<Results<Ok<ShipmentSummary>, ProblemHttpResult>> Get(string id, HttpContext http, ShipmentAccess access,
        ShipmentSummaries summaries, CancellationToken ct) =>
        await access.FindAsync(Caller.Of(http), id, ct) is { } s
            ? TypedResults.Ok(await summaries.BuildAsync(s.OwnerTenantId, s.Record, ct))
            : NotFound(id);

    internal static async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> Timeline(string id, HttpContext http, ShipmentAccess access,
        ShipmentTimeline timeline, CancellationToken ct)
    {
        if (await access.FindAsync(Caller.Of(http), id, ct) is not { } s) return NotFound(id);
        var entries = await timeline.ReadAsync(s.OwnerTenantId, id, ct);
        return TypedResults.Ok(new TimelinePage(id, entries.Count, entries));
    }

    internal static async Task<Results<Ok<ReadingsPage>, ProblemHttpResult>> Readings(string id, string? from, string? to, string? type,
        HttpContext http, ShipmentAccess access, ShipmentReadings readings, CancellationToken ct)
    {
        if (!DeviceEndpoints.TryParse(from, out var fromInstant)) return Problems.BadRequest($"'from' is not an ISO-8601 instant: '{from}'", "from", "e.g. 2026-01-01T00:00:00Z");
        if (!DeviceEndpoints.TryParse(to, out var toInstant)) return Problems.BadRequest($"'to' is not an ISO-8601 instant: '{to}'", "to", "e.g. 2026-01-02T00:00:00Z");
        if (await access.FindAsync(Caller.Of(http), id, ct) is not { } s) return NotFound(id);
        var page = await readings.ReadAsync(s.OwnerTenantId, id, fromInstant, toInstant, type, ct);
        return TypedResults.Ok(new ReadingsPage(id, fromInstant, toInstant, page.Count, page));
    }

    internal static async Task<Results<Created<DeviceWindow>, ProblemHttpResult>> AttachDevice(string id, JsonElement body, HttpContext http,
        IDocumentStore store, IClock clock, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        DeviceRequest d;
        try { d = ShipmentRequests.Device(body); }
        catch (RequestException ex)
        {
            return await LoadOwnAsync(store, caller.TenantId, id, ct) is null ? NotFound(id) : Problems.BadRequest(ex.Message, ex.Where, ex.Expected);
        }

        return await ShipmentChanges.DecideAndAppendAsync<Created<DeviceWindow>>(store, caller.TenantId, id, s =>
        {
            var now = clock.GetCurrentInstant();
            var window = new DeviceWindow(d.Device, d.From ?? now, d.To, d.Position);
            if (s.Devices.FirstOrDefault(w => w.Device == d.Device && Overlaps(w, window)) is { } clash)
                return Problems.Conflict($"device {d.Device} already has a window overlapping this one", "from",
                    $"from {CanonicalJson.FormatInstant(clash.From)} to {(clash.To is { } t ? CanonicalJson.FormatInstant(t) : "open")}");
            return ShipmentChanges.Decision<Created<DeviceWindow>>.Append(
                new DeviceAttached(id, window.Device, window.From, window.To, window.Position, now, caller.KeyId), TypedResults.Created($"/shipments/{id}", window));
        }, ct);
    }

    internal static async Task<Results<Ok<DeviceWindow>, ProblemHttpResult>> EndDevice(string id, string device, JsonElement? body, HttpContext http,
        IDocumentStore store, IClock clock, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        Instant? at;
        string normalised;
        try
        {
            at = ShipmentRequests.EndAt(body);
            normalised = device.Contains(':', StringComparison.Ordinal) && !device.EndsWith(':') && !device.StartsWith(':')
                ? ShipmentRequests.NormaliseDevice(device) : throw new RequestException("device", $"device '{device}' is not scheme:value");
        }
        catch (RequestException ex)
        {
            return await LoadOwnAsync(store, caller.TenantId, id, ct) is null ? NotFound(id) : Problems.BadRequest(ex.Message, ex.Where, ex.Expected);
        }

        return await ShipmentChanges.DecideAndAppendAsync<Ok<DeviceWindow>>(store, caller.TenantId, id, s =>
        {
            var now = clock.GetCurrentInstant();
            if (s.Devices.FirstOrDefault(w => w.Device == normalised && w.To is null) is not { } open)
                return Problems.NotFound($"no open window of device '{device}' on shipment {id}", "device");
            var end = at ?? now;
            if (end <= open.From) return Problems.BadRequest("'at' must be after the window's start", "at", $"after {CanonicalJson.FormatInstant(open.From)}");
            return ShipmentChanges.Decision<Ok<DeviceWindow>>.Append(new DeviceWindowEnded(id, normalised, open.From, end, now, caller.KeyId),
                TypedResults.Ok(open with { To = end }));
        }, ct);
    }

    internal static async Task<Results<Created<ShareView>, ProblemHttpResult>> Share(string id, JsonElement body, HttpContext http, IDocumentStore store,
        ApiKeyStore tenants, IClock clock, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        if (await LoadOwnAsync(store, caller.TenantId, id, ct) is null) return NotFound(id);
        string grantee;
        try { grantee = ShipmentRequests.TenantId(body); }
        catch (RequestException ex) { return Problems.BadRequest(ex.Message, ex.Where, ex.Expected); }
        if (grantee == caller.TenantId) return Problems.BadRequest("a shipment is not shared with its own tenant", "tenantId");
        if (!await tenants.TenantExistsAsync(grantee, ct)) return Problems.NotFound($"no tenant {grantee}", "tenantId");
        return await ShipmentChanges.DecideAndAppendAsync<Created<ShareView>>(store, caller.TenantId, id, _ =>
        {
            var now = clock.GetCurrentInstant();
            return ShipmentChanges.Decision<Created<ShareView>>.Append(new ShipmentShared(id, caller.TenantId, grantee, now, caller.KeyId),
                TypedResults.Created($"/shipments/{id}", new ShareView(id, grantee, now)));
        }, ct);
    }

    static ProblemHttpResult NotFound(string id) => ShipmentChanges.NotFound(id);

    static Task<(ShipmentRecord Record, long Version)?> LoadOwnAsync(IDocumentStore store, string tenantId, string id, CancellationToken ct) =>
        ShipmentChanges.LoadOwnAsync(store, tenantId, id, ct);

    static bool Overlaps(DeviceWindow a, DeviceWindow b) =>
        (a.To is null || b.From < a.To) && (b.To is null || a.From < b.To);
}
