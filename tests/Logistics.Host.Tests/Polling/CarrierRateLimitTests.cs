using System.Net;
using Logistics.Host.Polling;

namespace Logistics.Host.Tests.Polling;

/// <summary>The rate budget a carrier states in its response headers (IETF RateLimit fields, or the X-RateLimit convention).</summary>
public sealed class CarrierRateLimitTests
{
    static HttpResponseMessage With(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    [Fact]
    public void The_X_RateLimit_pair_gives_remaining_and_limit()
    {
        using var response = With(("X-RateLimit-Limit", "250"), ("X-RateLimit-Remaining", "17"));
        Assert.Equal((17L, 250L), CarrierRateLimit.Of(response));
    }

    [Fact]
    public void The_IETF_fields_take_the_first_number_of_a_list_with_a_policy()
    {
        using var response = With(("RateLimit-Limit", "100, 100;w=60"), ("RateLimit-Remaining", "99"));
        Assert.Equal((99L, 100L), CarrierRateLimit.Of(response));
    }

    [Fact]
    public void Half_a_pair_or_a_word_where_a_number_belongs_states_nothing()
    {
        using var half = With(("X-RateLimit-Remaining", "5"));
        using var word = With(("X-RateLimit-Limit", "lots"), ("X-RateLimit-Remaining", "5"));
        using var negative = With(("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "-1"));
        Assert.Null(CarrierRateLimit.Of(half));
        Assert.Null(CarrierRateLimit.Of(word));
        Assert.Null(CarrierRateLimit.Of(negative));
    }
}
