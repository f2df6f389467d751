using Logistics.Adapters.Sdk;
using Logistics.Access;
using Logistics.Canonical.Events;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Intake;

/// <summary>
/// <c>POST /ingest/{adapterId}</c>: keeps the raw body and headers durably, then answers 202 with the raw message id.
/// The publish to RabbitMQ is attempted with a timeout; a message the broker did not confirm is still accepted,
/// because it is already stored, and the re-publisher sends it later. The message belongs to the tenant of the integrator
/// key that posted it; credentials in its headers are redacted before it is stored (<see cref="HeaderRedaction"/>).
/// </summary>
public static class IngestEndpoint
{
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ingest/{adapterId}", Ingest)
            .WithName("Ingest")
            .WithSummary("Accept one raw message for an adapter; stored before 202.")
            .WithTags("Intake")
            .RequireRoles(Role.Integrator)
            .DisableAntiforgery();
        return app;
    }

    public sealed record Accepted(Guid RawMessageId, string AdapterId, string Sha256, Instant ReceivedAt, bool Published);

    static async Task<Results<Accepted<Accepted>, ProblemHttpResult>> Ingest(
        string adapterId, string? codec, HttpRequest request, RawInboxWriter inbox, IntakePublisher publisher,
        HostSettings settings, IClock clock, Telemetry.HostMetrics metrics, ILogger<RawMessage> log, CancellationToken ct)
    {
        var caller = Caller.Of(request.HttpContext);
        if (!AdapterRegistry.Default.TryGetAdapter(adapterId, out _))
            return Problems.NotFound($"unknown adapter '{adapterId}'", "adapterId",
                $"known adapters: {string.Join(", ", AdapterRegistry.Default.Adapters.Select(a => a.Info.Id))}");
        if (codec is not null && !AdapterRegistry.Default.TryGetCodec(codec, out _))
            return Problems.BadRequest($"unknown codec '{codec}'", "codec",
                $"known codecs: {string.Join(", ", AdapterRegistry.Default.Codecs.Select(c => c.Id))}");
        if (request.ContentLength > settings.MaxBodyBytes)
            return Problems.TooLarge(request.ContentLength.Value, settings.MaxBodyBytes);

        var body = await ReadBodyAsync(request, settings.MaxBodyBytes, ct);
        if (body is null)
            return Problems.TooLarge(null, settings.MaxBodyBytes);
        if (body.Length == 0)
            return Problems.BadRequest("empty body", "body", "the raw message as the source sent it");

        var raw = new RawMessage(
            Guid.CreateVersion7(), adapterId, clock.GetCurrentInstant(), RawHash.Sha256Hex(body), request.ContentType,
            HeaderRedaction.Redact(request.Headers), body, codec)
        {
            SourceAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
            TenantId = caller.TenantId,
        };
        using var scope = Telemetry.LogScopes.RawMessage(log, raw.Id, adapterId, caller.TenantId);
        try
        {
            await inbox.StoreAsync(raw, ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            // Not stored, so not accepted: 503 tells the sender to retry; nothing is half-kept.
            request.HttpContext.Response.Headers.RetryAfter = "5";
            log.LogWarning("raw inbox unavailable ({Reason}); message refused with 503", ex.GetType().Name);
            return Problems.Unavailable("raw inbox unavailable; message not accepted", "raw inbox", ex.Message);
        }
        metrics.Accepted(adapterId);
        log.LogDebug("stored {Size} bytes", raw.Body.Length);
        var published = await publisher.TrySendAsync(raw.Id, adapterId, ct);
        return TypedResults.Accepted($"/raw/{raw.Id}", new Accepted(raw.Id, adapterId, raw.Sha256, raw.ReceivedAt, published));
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger (chunked bodies have no length up front).</summary>
    static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } len ? (int)Math.Min(len, limit) : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
