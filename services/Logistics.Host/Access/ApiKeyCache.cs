using System.Collections.Concurrent;
using Logistics.Access;
using NodaTime;

namespace Logistics.Host.Access;

/// <summary>
/// A short-lived, in-process cache of key lookups (hash → key), so a burst of intake requests costs one query per key,
/// not one per request. A revocation through this host evicts at once; another host sees it when its entry expires
/// (<see cref="Lifetime"/>; docs/tenancy.md). Unknown keys are not cached, so a new key works immediately.
/// </summary>
public sealed class ApiKeyCache(ApiKeyStore store, IClock clock)
{
    public static readonly Duration Lifetime = Duration.FromSeconds(10);
    readonly ConcurrentDictionary<string, (ApiKeyInfo Key, Instant Expires)> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKeyInfo?> FindAsync(string key, CancellationToken ct)
    {
        var hash = Convert.ToHexString(AccessIds.HashKey(key));
        var now = clock.GetCurrentInstant();
        if (_entries.TryGetValue(hash, out var hit) && hit.Expires > now) return hit.Key;
        var found = await store.FindAsync(key, ct);
        if (found is null) _entries.TryRemove(hash, out _);
        else _entries[hash] = (found, now + Lifetime);
        return found;
    }

    public void Evict(string keyId)
    {
        foreach (var (hash, entry) in _entries)
            if (entry.Key.Id == keyId) _entries.TryRemove(hash, out _);
    }
}
