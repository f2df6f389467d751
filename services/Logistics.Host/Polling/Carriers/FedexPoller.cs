using NodaTime;

namespace Logistics.Host.Polling.Carriers;

/// <summary>FedEx Track API v1, up to 30 numbers a request, with an OAuth client-credentials token (cached).</summary>
public sealed class FedexPoller : TrackingPoller
{
    readonly IFedexApi _api;
    readonly OAuthTokenCache _tokens;

    public FedexPoller(IFedexApi api, CarrierBudgets budgets, PolledResponses responses, IClock clock) : base(responses)
    {
        _api = api;
        var account = budgets.For(Carrier).Account;
        _tokens = new OAuthTokenCache(clock, Duration.FromTimeSpan(account.TokenSkew), async ct => await ReadTokenAsync(Carrier,
            await _api.TokenAsync(new()
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = account.ClientId ?? "",
                ["client_secret"] = account.ClientSecret ?? "",
            }, ct), ct));
    }

    public override string Carrier => "fedex";

    public OAuthTokenCache Tokens => _tokens;

    protected override int BatchSize => 30;

    protected override Task<HttpResponseMessage> RequestAsync(IReadOnlyList<string> numbers, CancellationToken ct) =>
        WithTokenAsync(_tokens, token => _api.TrackAsync(token,
            new FedexTrackRequest(true, [.. numbers.Select(n => new FedexTrackingInfo(new FedexTrackingNumber(n)))]), ct), ct);
}
