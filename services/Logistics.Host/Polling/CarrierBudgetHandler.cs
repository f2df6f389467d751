using Logistics.Host.Telemetry;

namespace Logistics.Host.Polling;

/// <summary>
/// The innermost handler of a carrier's HTTP client, so that every request on the wire — first tries and the resilience
/// pipeline's retries alike — waits for the carrier's Retry-After and takes a token of its budget, and every 429/503 it
/// answers with moves the carrier's not-before time for all subscriptions. Each attempt is counted by outcome in the poller
/// metrics, and the budget they show is the one the carrier reported in its rate-limit headers, else our own token bucket.
/// </summary>
public sealed class CarrierBudgetHandler(CarrierBudget budget, PollerBudgets metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await budget.WaitForTurnAsync(ct);
        HttpResponseMessage response;
        try { response = await base.SendAsync(request, ct); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            metrics.Request(budget.Carrier, "error");
            throw;
        }
        budget.Observe(response);
        metrics.Request(budget.Carrier, (int)response.StatusCode switch { 429 => "throttled", < 400 => "ok", _ => "error" });
        var (remaining, limit) = CarrierRateLimit.Of(response) ?? budget.Remaining();
        metrics.Report(budget.Carrier, remaining, limit);
        return response;
    }
}
