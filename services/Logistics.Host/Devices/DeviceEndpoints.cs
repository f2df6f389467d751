using Logistics.Access;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Translation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Devices;

/// <summary>The devices slice: a device's readings (from the readings read model) and its payload-codec profile, per tenant.</summary>
public static class DeviceEndpoints
{
    public static IServiceCollection AddDevices(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<IPlainTables, ReadingsTables>();
        services.AddSingleton<DeviceProfiles>();
        services.AddSingleton<DeviceReadings>();
        services.ConfigureMarten(opts => opts.Projections.Add(new ReadingsProjection(settings.Schema), JasperFx.Events.Projections.ProjectionLifecycle.Inline));
        return services;
    }

    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/devices/{id}").WithTags("Devices");
        group.MapGet("/readings", GetReadings)
            .WithName("GetDeviceReadings")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .WithSummary("Measurements of one of the tenant's devices in [from, to), ordered by the time they were taken.");
        group.MapPut("/profile", PutProfile)
            .WithName("PutDeviceProfile")
            .RequireRoles(Role.Shipper, Role.Integrator)
            .WithSummary("Set the payload codec of a device of the tenant (scheme:value, e.g. devEui:A81758FFFE0312F6).");
        group.MapGet("/profile", GetProfile)
            .WithName("GetDeviceProfile")
            .RequireRoles(Role.Viewer, Role.Shipper, Role.Qa, Role.Integrator)
            .WithSummary("The payload codec configured for a device of the tenant.");
        return app;
    }

    public sealed record ReadingsPage(string DeviceId, Instant? From, Instant? To, int Count, IReadOnlyList<Reading> Readings);

    static async Task<Results<Ok<ReadingsPage>, ProblemHttpResult>> GetReadings(
        string id, string? from, string? to, string? type, HttpContext http, DeviceReadings store, CancellationToken ct)
    {
        if (!TryParse(from, out var fromInstant)) return Problems.BadRequest($"'from' is not an ISO-8601 instant: '{from}'", "from", "e.g. 2026-01-01T00:00:00Z");
        if (!TryParse(to, out var toInstant)) return Problems.BadRequest($"'to' is not an ISO-8601 instant: '{to}'", "to", "e.g. 2026-01-02T00:00:00Z");

        var tenant = Caller.Of(http).TenantId;
        var devices = StreamRouting.DeviceKeysFor(id).Select(ReadingsProjection.Subject).ToList();
        var readings = await store.ReadAsync(tenant, devices, fromInstant, toInstant, type, ct);
        if (readings.Count == 0 && !await store.KnownAsync(tenant, devices, ct))
            return Problems.NotFound($"unknown device '{id}'", "id", "no message from this device has been translated");
        return TypedResults.Ok(new ReadingsPage(id, fromInstant, toInstant, readings.Count, readings));
    }

    public sealed record ProfileRequest(string Codec);

    static async Task<Results<Ok<ProfileRequest>, ProblemHttpResult>> PutProfile(string id, ProfileRequest? body, HttpContext http,
        DeviceProfiles profiles, IClock clock, CancellationToken ct)
    {
        if (DeviceRef(id) is not { } device)
            return Problems.BadRequest($"device id '{id}' is not scheme:value", "id", "scheme:value, e.g. devEui:A81758FFFE0312F6");
        if (body?.Codec is not { Length: > 0 } codec || !AdapterRegistry.Default.TryGetCodec(codec, out _))
            return Problems.BadRequest($"unknown codec '{body?.Codec}'", "codec",
                $"one of: {string.Join(", ", AdapterRegistry.Default.Codecs.Select(c => c.Id))}");
        var caller = Caller.Of(http);
        await profiles.SetCodecAsync(caller.TenantId, device, codec, clock.GetCurrentInstant(), Audit.AuditActors.Of(caller), ct);
        return TypedResults.Ok(new ProfileRequest(codec));
    }

    static async Task<Results<Ok<ProfileRequest>, ProblemHttpResult>> GetProfile(string id, HttpContext http, DeviceProfiles profiles, CancellationToken ct)
    {
        return await profiles.GetCodecAsync(Caller.Of(http).TenantId, DeviceRef(id) ?? id, ct) is { } codec
            ? TypedResults.Ok(new ProfileRequest(codec))
            : Problems.NotFound($"no profile for device '{id}'", "id");
    }

    /// <summary>A device reference as adapters write it (<c>devEui:</c> upper-case), or null when the id is not scheme:value.</summary>
    static string? DeviceRef(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < id.Length - 1 ? StreamRouting.Normalise(Reference.Parse(id)).ToString() : null;
    }

    /// <summary>An optional instant query parameter: absent is fine, present must parse.</summary>
    internal static bool TryParse(string? text, out Instant? instant)
    {
        instant = InstantText.TryParse(text, out var parsed) ? parsed : null;
        return text is null || instant is not null;
    }
}
