using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Locations;

/// <summary>One <c>location</c> event of the live stream: the fix, and the shipment it was asked for (if any).</summary>
public sealed record LocationEvent(string Asset, double Lat, double Lon, double? AccuracyM, string Method, Instant OccurredAt, Instant ReceivedAt,
    string EventId, string? ShipmentId);

/// <summary>
/// <c>GET /locations/stream[?shipment=ID]</c>: Server-Sent Events, one <c>location</c> event per usable fix committed in the
/// caller's tenant (or the shared shipment's devices inside their windows), each with <c>id:</c> = the feed cursor. With
/// <c>Last-Event-ID</c> the stream first replays what was committed after that id (within
/// <see cref="LocationSettings.StreamRetention"/>) from the positions table, then goes live: nothing is missed across a
/// reconnect, whichever host serves it. <c>follow=false</c> ends the stream after the replay (catch-up without staying connected).
/// </summary>
public static class LocationStream
{
    const int ReplayPage = 1000;

    internal static async Task<Results<ServerSentEventsResult<LocationEvent>, ProblemHttpResult>> Stream(string? shipment, bool? follow, HttpContext http,
        PositionFeed feed, ShipmentAccess access, IDocumentStore store, IClock clock, HostSettings settings, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        FeedCursor? resume = null;
        if (http.Request.Headers["Last-Event-ID"].FirstOrDefault() is { Length: > 0 } lastId)
        {
            if (!FeedCursor.TryParse(lastId, out var c))
                return Problems.BadRequest($"Last-Event-ID '{lastId}' is not an id of this stream", "Last-Event-ID", "the id: of an event this stream sent, e.g. 81234-5012");
            resume = c;
        }
        var tenant = caller.TenantId;
        Func<CancellationToken, Task<IReadOnlyList<DeviceWindow>>>? windows = null;
        if (shipment is not null)
        {
            if (await access.FindAsync(caller, shipment, ct) is not { } visible) return Problems.NotFound($"no shipment {shipment}", "shipment");
            tenant = visible.OwnerTenantId;
            windows = async token =>
            {
                await using var session = store.QuerySession(visible.OwnerTenantId);
                return (await session.LoadAsync<ShipmentRecord>(ShipmentStreams.Key(shipment), token))?.Devices ?? [];
            };
        }
        var since = clock.GetCurrentInstant() - Duration.FromTimeSpan(settings.Location.StreamRetention);
        return TypedResults.ServerSentEvents(Events(http, feed, tenant, shipment, windows, resume, since, clock, follow ?? true, http.RequestAborted));
    }

    static async IAsyncEnumerable<SseItem<LocationEvent>> Events(HttpContext http, PositionFeed feed, string tenant, string? shipment,
        Func<CancellationToken, Task<IReadOnlyList<DeviceWindow>>>? windows, FeedCursor? resume, Instant since, IClock clock, bool follow,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var (id, reader, horizon) = await feed.SubscribeAsync(ct);
        // Send the headers now: a client learns it is connected before the first fix, not when it comes.
        await http.Response.StartAsync(ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            IReadOnlyList<DeviceWindow> devices = windows is null ? [] : await windows(ct);
            var refreshed = clock.GetCurrentInstant();
            var last = resume ?? horizon;
            // Replay from the table up to the horizon the live feed had when we subscribed; the live feed carries the rest.
            while (resume is not null && last < horizon)
            {
                var page = await feed.ReadAsync(tenant, last, horizon, ReplayPage, ct, since);
                foreach (var fix in page)
                    if (Item(fix, shipment, devices) is { } item) yield return item;
                if (page.Count < ReplayPage) break;
                last = page[^1].Cursor;
            }
            if (!follow) yield break;
            last = horizon > last ? horizon : last;
            await foreach (var fix in reader.ReadAllAsync(ct))
            {
                if (fix.TenantId != tenant || fix.Cursor <= last) continue;
                last = fix.Cursor;
                if (windows is not null && clock.GetCurrentInstant() - refreshed > Duration.FromSeconds(5))
                {
                    devices = await windows(ct);
                    refreshed = clock.GetCurrentInstant();
                }
                if (Item(fix, shipment, devices) is { } item) yield return item;
            }
        }
        finally
        {
            feed.Unsubscribe(id);
        }
    }

    static SseItem<LocationEvent>? Item(FeedFix fix, string? shipment, IReadOnlyList<DeviceWindow> devices)
    {
        if (PositionFlags.Disqualifies(fix.Flags)) return null;
        if (shipment is not null && !devices.Any(w => w.Device == fix.Asset && fix.OccurredAt >= w.From && (w.To is null || fix.OccurredAt < w.To)))
            return null;
        var data = new LocationEvent(fix.Asset, fix.Lat, fix.Lon, fix.AccuracyM, fix.Method, fix.OccurredAt, fix.ReceivedAt, fix.EventId, shipment);
        return new SseItem<LocationEvent>(data, "location") { EventId = fix.Cursor.ToString() };
    }
}
