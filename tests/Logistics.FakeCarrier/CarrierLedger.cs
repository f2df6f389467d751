namespace Logistics.FakeCarrier;

/// <summary>
/// Everything the fake carrier saw and sent, for the G9 ledger: each carrier's requests with their arrival time, the
/// not-before time its last Retry-After set (a request arriving before it is an early retry), the faults injected, the
/// tokens issued, the requests refused for a bad token, and the key of every event a 200 response carried.
/// </summary>
public sealed class CarrierLedger
{
    readonly object _gate = new();
    readonly Dictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    readonly List<string> _early = [];
    readonly HashSet<string> _served = new(StringComparer.Ordinal);
    int _throttled, _unavailable, _tokens, _unauthorized, _retryAfterSent;

    /// <summary>Counts a request of <paramref name="carrier"/>; returns its number (from 0).</summary>
    public int Arrive(string carrier, string path, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_notBefore.TryGetValue(carrier, out var notBefore) && at < notBefore)
                _early.Add($"{carrier} {path} at {at:HH:mm:ss.fff}, {(notBefore - at).TotalMilliseconds:0} ms before Retry-After allowed");
            var n = _requests.GetValueOrDefault(carrier);
            _requests[carrier] = n + 1;
            return n;
        }
    }

    /// <summary>A fault was answered; with a Retry-After, nothing from that carrier's client may arrive before <paramref name="notBefore"/>.</summary>
    public void Faulted(string carrier, int status, DateTimeOffset? notBefore)
    {
        lock (_gate)
        {
            if (status == 429) _throttled++; else _unavailable++;
            if (notBefore is not { } until) return;
            _retryAfterSent++;
            if (!_notBefore.TryGetValue(carrier, out var current) || until > current) _notBefore[carrier] = until;
        }
    }

    public void TokenIssued() => Interlocked.Increment(ref _tokens);

    public void Unauthorized() => Interlocked.Increment(ref _unauthorized);

    public void Served(IEnumerable<string> eventKeys)
    {
        lock (_gate) _served.UnionWith(eventKeys);
    }

    public int Requests(string carrier) { lock (_gate) return _requests.GetValueOrDefault(carrier); }

    public int TotalRequests { get { lock (_gate) return _requests.Values.Sum(); } }

    public IReadOnlyList<string> EarlyRetries { get { lock (_gate) return [.. _early]; } }

    public IReadOnlySet<string> ServedKeys { get { lock (_gate) return new HashSet<string>(_served, StringComparer.Ordinal); } }

    public int Throttled => Volatile.Read(ref _throttled);

    public int Unavailable => Volatile.Read(ref _unavailable);

    public int RetryAfterSent => Volatile.Read(ref _retryAfterSent);

    public int TokensIssued => Volatile.Read(ref _tokens);

    public int UnauthorizedRequests => Volatile.Read(ref _unauthorized);
}
