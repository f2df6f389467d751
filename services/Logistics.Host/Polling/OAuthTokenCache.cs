using System.Text.Json;
using NodaTime;

namespace Logistics.Host.Polling;

/// <summary>An OAuth2 access token and how long the authorization server said it lasts (<c>expires_in</c>).</summary>
public sealed record OAuthToken(string AccessToken, Duration ExpiresIn)
{
    /// <summary>
    /// RFC 6749 §5.1 token response. UPS sends <c>expires_in</c> as a string ("14399"), FedEx as a number: both are read.
    /// Null when the body has no access token.
    /// </summary>
    public static OAuthToken? Parse(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var token) ||
            token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } access) return null;
        long seconds = 0;
        if (root.TryGetProperty("expires_in", out var e))
        {
            if (e.ValueKind == JsonValueKind.Number) e.TryGetInt64(out seconds);
            else if (e.ValueKind == JsonValueKind.String) long.TryParse(e.GetString(), System.Globalization.CultureInfo.InvariantCulture, out seconds);
        }
        return new OAuthToken(access, Duration.FromSeconds(seconds));
    }
}

/// <summary>
/// Client-credentials token cache for one carrier account: a token is reused until it expires minus the skew, and when it
/// must be refreshed only one caller fetches while the others wait for that token. A token the API refused (401) is
/// dropped with <see cref="Invalidate"/>, so the next caller fetches a new one.
/// </summary>
public sealed class OAuthTokenCache(IClock clock, Duration skew, Func<CancellationToken, Task<OAuthToken>> fetch)
{
    readonly SemaphoreSlim _refresh = new(1, 1);
    readonly object _gate = new();
    string? _token;
    Instant _validUntil;
    long _fetches;

    /// <summary>How many tokens were fetched from the authorization server.</summary>
    public long Fetches => Interlocked.Read(ref _fetches);

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (Current() is { } cached) return cached;
        await _refresh.WaitAsync(ct);
        try
        {
            if (Current() is { } fetchedMeanwhile) return fetchedMeanwhile;
            var token = await fetch(ct);
            Interlocked.Increment(ref _fetches);
            // A lifetime shorter than the skew would never be reused: then keep it for half its lifetime.
            var keep = token.ExpiresIn > skew * 2 ? token.ExpiresIn - skew : token.ExpiresIn / 2;
            lock (_gate)
            {
                _token = token.AccessToken;
                _validUntil = clock.GetCurrentInstant() + keep;
            }
            return token.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate(string token)
    {
        lock (_gate) if (_token == token) _token = null;
    }

    string? Current()
    {
        lock (_gate) return _token is not null && clock.GetCurrentInstant() < _validUntil ? _token : null;
    }
}
