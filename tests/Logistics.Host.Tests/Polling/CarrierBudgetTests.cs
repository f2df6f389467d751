using System.Net;
using Logistics.Host.Polling;
using NodaTime;

namespace Logistics.Host.Tests.Polling;

/// <summary>Retry-After (RFC 9110 §10.2.3, seconds or an HTTP date) moves the carrier's not-before time; nothing waits less.</summary>
public sealed class CarrierBudgetTests
{
    static CarrierBudget Budget(int perMinute = 600, int burst = 5) =>
        new("ups", new CarrierAccount { RequestsPerMinute = perMinute, Burst = burst }, SystemClock.Instance);

    static HttpResponseMessage Answer(HttpStatusCode status, Action<HttpResponseMessage>? set = null)
    {
        var response = new HttpResponseMessage(status);
        set?.Invoke(response);
        return response;
    }

    [Fact]
    public async Task After_a_429_with_Retry_After_in_seconds_the_next_turn_comes_no_earlier()
    {
        using var budget = Budget();
        budget.Observe(Answer((HttpStatusCode)429, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))));
        var observed = SystemClock.Instance.GetCurrentInstant();
        await budget.WaitForTurnAsync(default);
        Assert.True(SystemClock.Instance.GetCurrentInstant() - observed >= Duration.FromSeconds(1));
        var view = budget.View();
        Assert.Equal(1, view.Throttled);
        Assert.Equal(1, view.RetryAfterWaits);
    }

    [Fact]
    public async Task A_503_with_Retry_After_as_a_date_holds_until_that_date()
    {
        using var budget = Budget();
        var date = DateTimeOffset.UtcNow.AddSeconds(2);
        date = new DateTimeOffset(date.Ticks - date.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        budget.Observe(Answer(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(date)));
        Assert.Equal(Instant.FromDateTimeOffset(date), budget.View().RetryAfterUntil);
        await budget.WaitForRetryAfterAsync(default);
        Assert.True(DateTimeOffset.UtcNow >= date);
        Assert.Equal(1, budget.View().Unavailable);
    }

    [Fact]
    public void A_shorter_Retry_After_never_moves_the_not_before_time_back()
    {
        using var budget = Budget();
        budget.Observe(Answer((HttpStatusCode)429, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(30))));
        var until = budget.View().RetryAfterUntil;
        budget.Observe(Answer((HttpStatusCode)429, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))));
        Assert.Equal(until, budget.View().RetryAfterUntil);
    }

    [Fact]
    public void Errors_without_Retry_After_and_successes_set_no_wait()
    {
        using var budget = Budget();
        budget.Observe(Answer(HttpStatusCode.ServiceUnavailable));
        budget.Observe(Answer(HttpStatusCode.OK, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(30))));
        Assert.Null(budget.View().RetryAfterUntil);
    }

    [Fact]
    public async Task The_budget_spends_its_burst_then_one_token_per_period()
    {
        // 120 a minute: one token each 500 ms after a burst of 2.
        using var budget = Budget(perMinute: 120, burst: 2);
        var started = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++) await budget.WaitForTurnAsync(default);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(400), "the third request waited for a token");
        Assert.Equal(3, budget.View().Requests);
    }
}
