namespace Logistics.Host.Polling.Carriers;

/// <summary>DHL Shipment Tracking – Unified, one number a request, with the account's API key (<see cref="CarrierAccount.ClientId"/>).</summary>
public sealed class DhlPoller(IDhlApi api, CarrierBudgets budgets, PolledResponses responses) : TrackingPoller(responses)
{
    readonly string _apiKey = budgets.For("dhl").Account.ClientId ?? "";

    public override string Carrier => "dhl";

    protected override Task<HttpResponseMessage> RequestAsync(IReadOnlyList<string> numbers, CancellationToken ct) =>
        api.TrackAsync(numbers[0], _apiKey, ct);
}
