using System.Threading.RateLimiting;
using NodaTime;
using Polly.CircuitBreaker;

namespace Logistics.Host.Polling;

/// <summary>
/// One carrier's request budget and back-off state, shared by every subscription that polls it: a token bucket (requests a
/// minute, in bursts), the time before which the carrier told us not to come back (<c>Retry-After</c> on a 429 or 503), the
/// circuit breaker's state, and the counters <c>/health</c> shows. Every request to the carrier — token requests and
/// retries included — passes through <see cref="CarrierBudgetHandler"/>, which waits here first.
/// </summary>
public sealed class CarrierBudget : IDisposable
{
    readonly IClock _clock;
    readonly TokenBucketRateLimiter _bucket;
    readonly object _gate = new();
    Instant _notBefore;
    long _requests, _throttled, _unavailable, _retryAfterWaits;
    string? _lastError;
    Instant? _lastPollAt;

    public CarrierBudget(string carrier, CarrierAccount account, IClock clock)
    {
        Carrier = carrier;
        Account = account;
        _clock = clock;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, account.Burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, account.RequestsPerMinute),
            QueueLimit = 1_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public string Carrier { get; }

    public CarrierAccount Account { get; }

    /// <summary>Set by the resilience pipeline's circuit breaker; read for <c>/health</c>.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    /// <summary>Waits until the carrier's Retry-After has passed, then for a token of the budget.</summary>
    public async Task WaitForTurnAsync(CancellationToken ct)
    {
        await WaitForRetryAfterAsync(ct);
        using var lease = await _bucket.AcquireAsync(1, ct);
        if (!lease.IsAcquired) throw new InvalidOperationException($"{Carrier}: request budget queue is full");
        // A token may have taken a while: a 429 seen meanwhile (another request) still holds.
        await WaitForRetryAfterAsync(ct);
        Interlocked.Increment(ref _requests);
    }

    /// <summary>Never early: waits until the clock is past the carrier's not-before time, however the timer rounds.</summary>
    public async Task WaitForRetryAfterAsync(CancellationToken ct)
    {
        var waited = false;
        while (true)
        {
            Duration left;
            lock (_gate) left = _notBefore - _clock.GetCurrentInstant();
            if (left <= Duration.Zero) break;
            if (!waited) Interlocked.Increment(ref _retryAfterWaits);
            waited = true;
            await Task.Delay(left.ToTimeSpan() + TimeSpan.FromMilliseconds(5), ct);
        }
    }

    /// <summary>Records a response: a 429 or 503 with <c>Retry-After</c> moves the carrier's not-before time (never back).</summary>
    public void Observe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status == 429) Interlocked.Increment(ref _throttled);
        if (status == 503) Interlocked.Increment(ref _unavailable);
        var now = _clock.GetCurrentInstant();
        if (status is not (429 or 503) || NotBefore(response, now) is not { } until) return;
        lock (_gate) if (until > _notBefore) _notBefore = until;
    }

    /// <summary>RFC 9110 §10.2.3: a delay in seconds (from when we saw the response) or an HTTP date.</summary>
    static Instant? NotBefore(HttpResponseMessage response, Instant now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return now + Duration.FromTimeSpan(delta);
        if (header?.Date is { } date) return Instant.FromDateTimeOffset(date);
        return null;
    }

    public void PollFinished(string? error)
    {
        lock (_gate)
        {
            _lastPollAt = _clock.GetCurrentInstant();
            _lastError = error;
        }
    }

    /// <summary>Tokens the bucket holds now, out of its burst.</summary>
    public (long Remaining, long Limit) Remaining() => (_bucket.GetStatistics()?.CurrentAvailablePermits ?? 0, Math.Max(1, Account.Burst));

    public CarrierBudgetView View()
    {
        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            return new CarrierBudgetView(
                Carrier, Account.RequestsPerMinute, Account.Burst, Remaining().Remaining,
                Interlocked.Read(ref _requests), Interlocked.Read(ref _throttled), Interlocked.Read(ref _unavailable),
                Interlocked.Read(ref _retryAfterWaits), _notBefore > now ? _notBefore : null,
                CircuitName(Circuit.CircuitState), _lastPollAt, _lastError);
        }
    }

    static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open or CircuitState.Isolated => "open",
        CircuitState.HalfOpen => "half-open",
        _ => state.ToString(),
    };

    public void Dispose() => _bucket.Dispose();
}

/// <summary>A carrier's budget as <c>GET /health</c> shows it.</summary>
public sealed record CarrierBudgetView(
    string Carrier, int RequestsPerMinute, int Burst, long AvailableNow, long Requests, long Throttled, long Unavailable,
    long RetryAfterWaits, Instant? RetryAfterUntil, string Circuit, Instant? LastPollAt, string? LastError);
