using Logistics.Host.Polling;
using NodaTime;
using NodaTime.Testing;

namespace Logistics.Host.Tests.Polling;

/// <summary>Client-credentials token caching: reused until expiry minus skew, one refresh at a time, dropped after a 401.</summary>
public sealed class OAuthTokenCacheTests
{
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 1, 12, 0));
    int _fetches;

    OAuthTokenCache Cache(Duration lifetime, Duration skew, TimeSpan? fetchTakes = null) => new(_clock, skew, async ct =>
    {
        var n = Interlocked.Increment(ref _fetches);
        if (fetchTakes is { } delay) await Task.Delay(delay, ct);
        return new OAuthToken($"token-{n}", lifetime);
    });

    [Fact]
    public async Task A_token_is_reused_until_its_expiry_minus_the_skew_then_refreshed()
    {
        var cache = Cache(Duration.FromMinutes(60), Duration.FromMinutes(1));
        Assert.Equal("token-1", await cache.GetAsync(default));
        _clock.Advance(Duration.FromMinutes(58));
        Assert.Equal("token-1", await cache.GetAsync(default));
        _clock.Advance(Duration.FromMinutes(1));   // 59 min: expiry (60) minus skew (1) reached
        Assert.Equal("token-2", await cache.GetAsync(default));
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_refresh()
    {
        var cache = Cache(Duration.FromMinutes(60), Duration.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetAsync(default))));
        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _fetches);
        Assert.Equal(1, cache.Fetches);
    }

    [Fact]
    public async Task A_refused_token_is_dropped_and_the_next_caller_fetches_a_new_one()
    {
        var cache = Cache(Duration.FromMinutes(60), Duration.FromMinutes(1));
        var first = await cache.GetAsync(default);
        cache.Invalidate("some-other-token");
        Assert.Equal(first, await cache.GetAsync(default));
        cache.Invalidate(first);
        Assert.Equal("token-2", await cache.GetAsync(default));
    }

    [Fact]
    public async Task A_lifetime_shorter_than_twice_the_skew_is_kept_for_half_of_it()
    {
        var cache = Cache(Duration.FromSeconds(60), Duration.FromSeconds(60));
        await cache.GetAsync(default);
        _clock.Advance(Duration.FromSeconds(29));
        Assert.Equal("token-1", await cache.GetAsync(default));
        _clock.Advance(Duration.FromSeconds(1));
        Assert.Equal("token-2", await cache.GetAsync(default));
    }

    [Theory]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":"14399"}""", 14399)]   // UPS: a string
    [InlineData("""{"access_token":"abc","token_type":"bearer","expires_in":3599,"scope":"CXS"}""", 3599)]   // FedEx: a number
    public void Token_responses_of_both_carriers_are_read(string body, long seconds)
    {
        var token = OAuthToken.Parse(System.Text.Encoding.UTF8.GetBytes(body));
        Assert.NotNull(token);
        Assert.Equal("abc", token.AccessToken);
        Assert.Equal(Duration.FromSeconds(seconds), token.ExpiresIn);
    }

    [Fact]
    public void A_response_without_an_access_token_is_none()
    {
        Assert.Null(OAuthToken.Parse("""{"error":"invalid_client"}"""u8.ToArray()));
    }
}
