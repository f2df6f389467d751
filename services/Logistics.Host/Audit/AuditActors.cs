using System.Collections.Concurrent;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Npgsql;

namespace Logistics.Host.Audit;

/// <summary>
/// How the audit trail names who did something: the key's user and the key (<c>qa@acme.example (key_…)</c>), the key alone
/// when it has no user, or <c>system:…</c> for the host's own processing.
/// </summary>
public sealed class AuditActors(NpgsqlDataSource db, HostSettings settings)
{
    readonly ConcurrentDictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public static string Of(Caller caller) => caller.User is { } user ? $"{user} ({caller.KeyId})" : caller.KeyId;

    /// <summary>The actor for a key id recorded in an event (its user looked up once; keys never change user).</summary>
    public async Task<string> OfKeyAsync(string? keyId, CancellationToken ct)
    {
        if (keyId is null or "") return "system";
        if (!keyId.StartsWith("key_", StringComparison.Ordinal)) return keyId;
        if (_byKey.TryGetValue(keyId, out var known)) return known;
        await using var cmd = db.CreateCommand($"select user_email from {settings.Schema}.api_keys where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = keyId });
        var user = await cmd.ExecuteScalarAsync(ct) as string;
        return _byKey[keyId] = user is null ? keyId : $"{user} ({keyId})";
    }
}
