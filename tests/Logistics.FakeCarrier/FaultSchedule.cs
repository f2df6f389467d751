namespace Logistics.FakeCarrier;

/// <summary>A fault answered instead of the real response: a status and, when not null, a Retry-After.</summary>
public sealed record Fault(int Status, RetryAfter? RetryAfter);

/// <summary>Retry-After as seconds (<c>Retry-After: 1</c>) or as an HTTP date (RFC 9110 §10.2.3).</summary>
public sealed record RetryAfter(int Seconds, bool AsDate);

/// <summary>
/// Which requests fail, by each carrier's request number (every request of that carrier, token requests included, counted
/// from 0) and by time since start. Deterministic, so a run can be repeated.
/// </summary>
public sealed class FaultSchedule(Func<int, TimeSpan, Fault?> rule)
{
    public static readonly FaultSchedule None = new((_, _) => null);

    /// <summary>
    /// The G9 schedule: every 8th request (n % 8 == 3) 429 with Retry-After 1 s; n % 8 == 6 429 with Retry-After as a date
    /// 2 s ahead; requests 12–15 a 503 burst (Retry-After 1 s on the even ones, none on the odd); an outage from 5 s to 7 s
    /// after start (503, no Retry-After).
    /// </summary>
    public static readonly FaultSchedule G9 = new((n, since) =>
    {
        if (since >= TimeSpan.FromSeconds(5) && since < TimeSpan.FromSeconds(7)) return new Fault(503, null);
        if (n is >= 12 and < 16) return new Fault(503, n % 2 == 0 ? new RetryAfter(1, false) : null);
        return (n % 8) switch
        {
            3 => new Fault(429, new RetryAfter(1, false)),
            6 => new Fault(429, new RetryAfter(2, true)),
            _ => null,
        };
    });

    public Fault? For(int request, TimeSpan sinceStart) => rule(request, sinceStart);
}
