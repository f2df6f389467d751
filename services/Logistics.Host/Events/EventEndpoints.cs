using System.Text.Json;
using JasperFx.Events;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Logistics.Host.Events;

/// <summary>
/// Canonical events in their wire form (CANONICAL.md): the newest across all streams (a live view of what arrives),
/// and the events parked under one reference (<c>container:MSKU1234565</c>, <c>bol:…</c>) in the order they happened.
/// </summary>
public static class EventEndpoints
{
    static readonly Dictionary<EventKind, Type> EventTypes = new()
    {
        [EventKind.Milestone] = typeof(MilestoneEvent),
        [EventKind.Measurement] = typeof(MeasurementEvent),
        [EventKind.Position] = typeof(PositionEvent),
        [EventKind.Association] = typeof(AssociationEvent),
        [EventKind.Alarm] = typeof(AlarmEvent),
        [EventKind.Retraction] = typeof(RetractionEvent),
    };

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/recent", Recent).WithName("RecentEvents").WithTags("Events")
            .RequireRoles([.. AccessEndpointExtensions.Readers, Role.Integrator])
            .WithSummary("The tenant's newest canonical events across all its streams, newest first; optional kind filter.");
        app.MapGet("/references/{reference}/events", ForReference).WithName("ReferenceEvents").WithTags("Events")
            .RequireRoles([.. AccessEndpointExtensions.Readers, Role.Integrator])
            .WithSummary("Milestones, associations and retractions under one of the tenant's references (scheme:value), in event-time order.");
        return app;
    }

    static async Task<IResult> Recent(int? limit, string? kind, IQuerySession session, CancellationToken ct)
    {
        if (limit is < 1 or > 1000) return Problems.BadRequest($"limit {limit} out of range", "limit", "1..1000");
        EventKind? wanted = null;
        if (kind is not null)
        {
            try { wanted = WireNames.ParseKind(kind); }
            catch (FormatException) { return Problems.BadRequest($"unknown kind '{kind}'", "kind", "milestone, measurement, position, association, alarm or retraction"); }
        }
        IQueryable<IEvent> query = session.Events.QueryAllRawEvents();
        if (wanted is { } k)
        {
            // Filter in the database, so a flood of readings cannot hide the milestones.
            var type = EventTypes[k];
            query = query.Where(e => e.EventTypesAre(type));
        }
        var raw = await query.OrderByDescending(e => e.Sequence).Take(limit ?? 50).ToListAsync(ct);
        return Wire(raw.Select(e => e.Data).OfType<CanonicalEvent>());
    }

    static async Task<Results<ContentHttpResult, ProblemHttpResult>> ForReference(string reference, IQuerySession session, CancellationToken ct)
    {
        Reference parsed;
        try { parsed = Reference.Parse(reference); }
        catch (FormatException) { return Problems.BadRequest($"reference '{reference}' has no scheme", "reference", "scheme:value, e.g. container:MSKU1234565"); }
        IReadOnlyList<IEvent> stream = await session.Events.FetchStreamAsync($"ref:{parsed}", token: ct);
        if (stream.Count == 0) return Problems.NotFound($"no events under '{parsed}'", "reference");
        return Wire(stream.Select(e => e.Data).OfType<CanonicalEvent>().OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal));
    }

    /// <summary>A JSON array of events exactly as <see cref="CanonicalJson"/> writes them.</summary>
    static ContentHttpResult Wire(IEnumerable<CanonicalEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var e in events) CanonicalJson.Write(writer, e);
            writer.WriteEndArray();
        }
        return TypedResults.Text(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), "application/json");
    }
}
