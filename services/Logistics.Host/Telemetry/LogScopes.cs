namespace Logistics.Host.Telemetry;

/// <summary>
/// The log scope of one raw message on its path (intake, publish, translate, quarantine): every line written inside it
/// carries <c>RawMessageId</c>, <c>AdapterId</c> and <c>TenantId</c> as structured properties. Nothing of the body or
/// the headers goes in a scope or a message: payloads and credentials stay in the raw inbox.
/// </summary>
public static class LogScopes
{
    public static IDisposable? RawMessage(ILogger log, Guid rawMessageId, string adapterId, string tenantId) =>
        log.BeginScope(new KeyValuePair<string, object>[]
        {
            new("RawMessageId", rawMessageId),
            new("AdapterId", adapterId),
            new("TenantId", tenantId),
        });
}
