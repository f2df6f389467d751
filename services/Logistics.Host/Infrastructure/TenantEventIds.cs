using Logistics.Canonical.Events;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// The id Marten stores for a canonical event: derived from the tenant and the canonical <c>eventId</c>, so the same uplink
/// posted by two tenants is two tenants' events (the unique index on the stored id holds across tenants), while the
/// canonical <c>eventId</c> in the event body stays exactly as the adapter derived it.
/// </summary>
public static class TenantEventIds
{
    public static Guid For(string tenantId, string canonicalEventId) => EventIds.DeriveGuid($"tenant:{tenantId}|event:{canonicalEventId}");
}
