namespace Logistics.Host.Polling;

/// <summary>
/// The innermost handler of a carrier's HTTP client, so that every request on the wire — first tries and the resilience
/// pipeline's retries alike — waits for the carrier's Retry-After and takes a token of its budget, and every 429/503 it
/// answers with moves the carrier's not-before time for all subscriptions.
/// </summary>
public sealed class CarrierBudgetHandler(CarrierBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await budget.WaitForTurnAsync(ct);
        var response = await base.SendAsync(request, ct);
        budget.Observe(response);
        return response;
    }
}
