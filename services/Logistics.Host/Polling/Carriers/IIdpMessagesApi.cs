using Refit;

namespace Logistics.Host.Polling.Carriers;

/// <summary>
/// IsatData Pro Messaging API (ORBCOMM / Inmarsat gateways): <c>get_return_messages</c> with the mailbox's access id and
/// password, from a start time on the first call (<c>start_utc</c>, "yyyy-MM-dd HH:mm:ss") and from the previous page's
/// <c>NextStartID</c> after that (<c>from_id</c>, which overrides <c>start_utc</c>).
/// </summary>
public interface IIdpMessagesApi
{
    [Get("/GLGW/2/RestMessages.svc/JSON/get_return_messages/")]
    Task<HttpResponseMessage> GetReturnMessagesAsync([AliasAs("access_id")] string accessId, [AliasAs("password")] string password,
        [AliasAs("from_id")] long? fromId, [AliasAs("start_utc")] string? startUtc, CancellationToken ct);
}
