using System.Text.Json;
using Logistics.Canonical.Events;

namespace Logistics.Host.Polling;

/// <summary>
/// Tracking-number APIs answer with the whole history of a shipment each time, so their cursor is, per request (a batch of
/// numbers), the SHA-256 of the last response stored: an unchanged answer is not stored again, a changed one is stored and
/// then the cursor moves. The adapters derive event ids from the events themselves, so the events a new response repeats
/// are never appended twice. A number the carrier refuses (404, 4xx) is reported, and the other batches are still polled.
/// </summary>
public abstract class TrackingPoller(PolledResponses responses) : ICarrierPoller
{
    public abstract string Carrier { get; }

    /// <summary>How many numbers one request may carry.</summary>
    protected virtual int BatchSize => 1;

    protected abstract Task<HttpResponseMessage> RequestAsync(IReadOnlyList<string> numbers, CancellationToken ct);

    public async Task PollAsync(PollSubscription subscription, string? cursor, CancellationToken ct)
    {
        var last = cursor is null ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(cursor) ?? new(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var batch in subscription.TrackingNumbers.Chunk(BatchSize))
        {
            var key = string.Join(",", batch);
            using var response = await RequestAsync(batch, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{key}: HTTP {(int)response.StatusCode}");
                continue;
            }
            var sha = RawHash.Sha256Hex(body);
            if (last.TryGetValue(key, out var previous) && previous == sha) continue;
            var next = new Dictionary<string, string>(last, StringComparer.Ordinal) { [key] = sha };
            await responses.AcceptAsync(subscription, response, body, JsonSerializer.Serialize(next), ct);
            last = next;
        }
        if (failures.Count > 0) throw new PollFailedException($"{Carrier} {subscription.Id}: {string.Join("; ", failures)}");
    }

    /// <summary>Calls with the cached token; a 401 drops that token and tries once more with a fresh one.</summary>
    protected static async Task<HttpResponseMessage> WithTokenAsync(OAuthTokenCache tokens, Func<string, Task<HttpResponseMessage>> call, CancellationToken ct)
    {
        var token = await tokens.GetAsync(ct);
        var response = await call(token);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        tokens.Invalidate(token);
        return await call(await tokens.GetAsync(ct));
    }

    /// <summary>Reads a token response; a refusal is a failed poll (the next one asks again).</summary>
    protected static async Task<OAuthToken> ReadTokenAsync(string carrier, HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode) throw new PollFailedException($"{carrier}: token request answered HTTP {(int)response.StatusCode}");
            return OAuthToken.Parse(body) ?? throw new PollFailedException($"{carrier}: token response without access_token");
        }
    }
}
