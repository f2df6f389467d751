using System.Text;
using NodaTime;

namespace Logistics.Host.Polling.Carriers;

/// <summary>UPS Track API v1, one inquiry number a request, with an OAuth client-credentials token (cached).</summary>
public sealed class UpsPoller : TrackingPoller
{
    readonly IUpsApi _api;
    readonly OAuthTokenCache _tokens;

    public UpsPoller(IUpsApi api, CarrierBudgets budgets, PolledResponses responses, IClock clock) : base(responses)
    {
        _api = api;
        var account = budgets.For(Carrier).Account;
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.ClientId}:{account.ClientSecret}"));
        _tokens = new OAuthTokenCache(clock, Duration.FromTimeSpan(account.TokenSkew), async ct => await ReadTokenAsync(Carrier,
            await _api.TokenAsync(basic, new() { ["grant_type"] = "client_credentials" }, ct), ct));
    }

    public override string Carrier => "ups";

    public OAuthTokenCache Tokens => _tokens;

    protected override Task<HttpResponseMessage> RequestAsync(IReadOnlyList<string> numbers, CancellationToken ct) =>
        WithTokenAsync(_tokens, token => _api.TrackAsync(numbers[0], token, Guid.NewGuid().ToString("N"), "logistics", ct), ct);
}
