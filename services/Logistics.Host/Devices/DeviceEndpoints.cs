using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Host.Infrastructure;
using Logistics.Host.Translation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Logistics.Canonical.Time;

namespace Logistics.Host.Devices;

public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/devices/{id}").WithTags("Devices");
        group.MapGet("/readings", GetReadings)
            .WithName("GetDeviceReadings")
            .WithSummary("Measurements of a device in [from, to), ordered by the time they were taken.");
        group.MapPut("/profile", PutProfile)
            .WithName("PutDeviceProfile")
            .WithSummary("Set the payload codec of a device (scheme:value, e.g. devEui:A81758FFFE0312F6).");
        group.MapGet("/profile", GetProfile).WithName("GetDeviceProfile");
        return app;
    }

    public sealed record Reading(string EventId, string Type, double Value, string Unit, double OriginalValue, string OriginalUnit,
        string? Sensor, Instant OccurredAt, Instant ReceivedAt, IReadOnlyList<string> Flags);

    public sealed record ReadingsPage(string DeviceId, Instant? From, Instant? To, int Count, IReadOnlyList<Reading> Readings);

    static async Task<Results<Ok<ReadingsPage>, ProblemHttpResult>> GetReadings(
        string id, string? from, string? to, string? type, IQuerySession session, CancellationToken ct)
    {
        if (!TryParse(from, out var fromInstant)) return Problems.BadRequest($"'from' is not an ISO-8601 instant: '{from}'", "from", "e.g. 2026-01-01T00:00:00Z");
        if (!TryParse(to, out var toInstant)) return Problems.BadRequest($"'to' is not an ISO-8601 instant: '{to}'", "to", "e.g. 2026-01-02T00:00:00Z");

        var readings = new List<Reading>();
        var known = false;
        foreach (var key in StreamRouting.DeviceKeysFor(id))
        {
            var events = await session.Events.FetchStreamAsync(key, token: ct);
            known |= events.Count > 0; // a Marten stream exists exactly when it has events
            foreach (var e in events)
                if (e.Data is MeasurementEvent m
                    && (fromInstant is null || m.OccurredAt >= fromInstant)
                    && (toInstant is null || m.OccurredAt < toInstant)
                    && (type is null || m.Measurement.Type == type))
                    readings.Add(new Reading(m.EventId, m.Measurement.Type, m.Measurement.Value, m.Measurement.Unit,
                        m.Measurement.OriginalValue, m.Measurement.OriginalUnit, m.Measurement.Sensor, m.OccurredAt, m.ReceivedAt, m.Flags));
        }
        if (!known)
            return Problems.NotFound($"unknown device '{id}'", "id", "no message from this device has been translated");
        readings.Sort((a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : string.CompareOrdinal(a.EventId, b.EventId));
        return TypedResults.Ok(new ReadingsPage(id, fromInstant, toInstant, readings.Count, readings));
    }

    public sealed record ProfileRequest(string Codec);

    static async Task<Results<Ok<ProfileRequest>, ProblemHttpResult>> PutProfile(string id, ProfileRequest? body, DeviceProfiles profiles, IClock clock, CancellationToken ct)
    {
        if (!id.Contains(':', StringComparison.Ordinal))
            return Problems.BadRequest($"device id '{id}' has no scheme", "id", "scheme:value, e.g. devEui:A81758FFFE0312F6");
        if (body?.Codec is not { Length: > 0 } codec || !AdapterRegistry.Default.TryGetCodec(codec, out _))
            return Problems.BadRequest($"unknown codec '{body?.Codec}'", "codec",
                $"one of: {string.Join(", ", AdapterRegistry.Default.Codecs.Select(c => c.Id))}");
        await profiles.SetCodecAsync(StreamRouting.Normalise(Reference.Parse(id)).ToString(), codec, clock.GetCurrentInstant(), ct);
        return TypedResults.Ok(new ProfileRequest(codec));
    }

    static async Task<Results<Ok<ProfileRequest>, ProblemHttpResult>> GetProfile(string id, DeviceProfiles profiles, CancellationToken ct) =>
        await profiles.GetCodecAsync(id, ct) is { } codec
            ? TypedResults.Ok(new ProfileRequest(codec))
            : Problems.NotFound($"no profile for device '{id}'", "id");

    /// <summary>An optional instant query parameter: absent is fine, present must parse.</summary>
    static bool TryParse(string? text, out Instant? instant)
    {
        instant = InstantText.TryParse(text, out var parsed) ? parsed : null;
        return text is null || instant is not null;
    }
}
