using Refit;

namespace Logistics.Host.Polling.Carriers;

/// <summary>
/// UPS APIs (developer.ups.com): OAuth client credentials (<c>POST /security/v1/oauth/token</c>, HTTP Basic with the client
/// id and secret, <c>grant_type=client_credentials</c>) and Track API v1 (<c>GET /api/track/v1/details/{inquiryNumber}</c>,
/// with the <c>transId</c> and <c>transactionSrc</c> headers UPS requires). Responses are returned unread: the poller keeps
/// the body as received.
/// </summary>
public interface IUpsApi
{
    [Post("/security/v1/oauth/token")]
    Task<HttpResponseMessage> TokenAsync([Header("Authorization")] string basicCredentials,
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);

    [Get("/api/track/v1/details/{inquiryNumber}")]
    Task<HttpResponseMessage> TrackAsync(string inquiryNumber, [Authorize("Bearer")] string token,
        [Header("transId")] string transactionId, [Header("transactionSrc")] string transactionSource, CancellationToken ct);
}
