using Refit;

namespace Logistics.Host.Polling.Carriers;

/// <summary>DHL Shipment Tracking – Unified (developer.dhl.com): <c>GET /track/shipments?trackingNumber=</c> with the <c>DHL-API-Key</c> header.</summary>
public interface IDhlApi
{
    [Get("/track/shipments")]
    Task<HttpResponseMessage> TrackAsync([Query] string trackingNumber, [Header("DHL-API-Key")] string apiKey, CancellationToken ct);
}
