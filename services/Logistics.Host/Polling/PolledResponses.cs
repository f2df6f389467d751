using Logistics.Canonical.Events;
using Logistics.Host.Intake;
using NodaTime;

namespace Logistics.Host.Polling;

/// <summary>
/// A poller's way into the durable intake path: the response body becomes a raw message for the carrier's adapter, stored
/// by the same group-committed <see cref="RawInboxWriter"/> as <c>POST /ingest</c>, then the cursor moves, then the message
/// is sent for translation (a send the broker does not confirm is left to the re-publisher, as for intake). Credentials
/// never reach the stored headers: only the request path (no query string) and the subscription are kept.
/// </summary>
public sealed class PolledResponses(RawInboxWriter inbox, IntakePublisher publisher, PollCursors cursors, IClock clock)
{
    long _stored;

    public long Stored => Interlocked.Read(ref _stored);

    public async Task<Guid> AcceptAsync(PollSubscription s, HttpResponseMessage response, byte[] body, string? nextCursor, CancellationToken ct)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["x-poll-carrier"] = s.Carrier,
            ["x-poll-subscription"] = s.Id,
            ["x-poll-request"] = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}",
            ["x-poll-status"] = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var raw = new RawMessage(
            Guid.CreateVersion7(), s.Carrier, clock.GetCurrentInstant(), RawHash.Sha256Hex(body),
            response.Content.Headers.ContentType?.ToString(), headers, body, null)
        {
            SourceAddress = response.RequestMessage?.RequestUri?.Host,
            TenantId = s.Tenant,
        };
        await inbox.StoreAsync(raw, ct);
        Interlocked.Increment(ref _stored);
        if (nextCursor is not null) await cursors.AdvanceAsync(s, nextCursor, ct);
        await publisher.TrySendAsync(raw.Id, raw.AdapterId, ct);
        return raw.Id;
    }
}
