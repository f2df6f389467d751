using Marten;

namespace Logistics.Host.Access;

/// <summary>
/// Request-scoped Marten sessions open on the caller's tenant (conjoined tenancy: every query filters by it, every write
/// stamps it). A request without an authenticated tenant gets no session at all: that is a bug, never a default tenant.
/// </summary>
public sealed class TenantSessions(IDocumentStore store, IHttpContextAccessor http) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(Tenant());

    public IDocumentSession OpenSession() => store.LightweightSession(Tenant());

    string Tenant() => http.HttpContext is { } context
        ? Caller.Of(context).TenantId
        : throw new InvalidOperationException("a tenant session outside a request: open one with store.QuerySession(tenantId)");
}
