using System.Text.Json.Serialization;
using Refit;

namespace Logistics.Host.Polling.Carriers;

/// <summary>
/// FedEx APIs (developer.fedex.com): OAuth (<c>POST /oauth/token</c>, form <c>grant_type=client_credentials</c>,
/// <c>client_id</c>, <c>client_secret</c>) and Track API v1 (<c>POST /track/v1/trackingnumbers</c>, up to 30 numbers a
/// request, detailed scans asked for).
/// </summary>
public interface IFedexApi
{
    [Post("/oauth/token")]
    Task<HttpResponseMessage> TokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);

    [Post("/track/v1/trackingnumbers")]
    Task<HttpResponseMessage> TrackAsync([Authorize("Bearer")] string token, [Body] FedexTrackRequest request, CancellationToken ct);
}

public sealed record FedexTrackRequest(
    [property: JsonPropertyName("includeDetailedScans")] bool IncludeDetailedScans,
    [property: JsonPropertyName("trackingInfo")] IReadOnlyList<FedexTrackingInfo> TrackingInfo);

public sealed record FedexTrackingInfo([property: JsonPropertyName("trackingNumberInfo")] FedexTrackingNumber TrackingNumberInfo);

public sealed record FedexTrackingNumber([property: JsonPropertyName("trackingNumber")] string TrackingNumber);
