using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Access.Audit;

/// <summary>
/// A change to record (API.md "Audit trail"): who, what, on what, before and after (JSON text), why. <see cref="IdempotencyKey"/>
/// makes a record that may be offered twice (a change read back from the event log after a crash) one entry.
/// </summary>
public sealed record AuditRecord(string TenantId, string Actor, string Action, string Target, string? Before = null, string? After = null,
    string? Reason = null)
{
    /// <summary>When the change happened; default: now.</summary>
    public Instant? At { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>A value as the JSON text <see cref="Before"/> and <see cref="After"/> hold.</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, JsonOptions);

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>One entry of a tenant's chain: the record, its place (<see cref="Seq"/>), and the hashes that chain it.</summary>
public sealed record AuditEntry(string TenantId, long Seq, Instant At, string Actor, string Action, string Target, string? Before, string? After,
    string? Reason, string? IdempotencyKey, string PrevHash, string Hash, string Mac)
{
    /// <summary>The previous hash of a chain's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 (hex) of the canonical form: a JSON array of every field but the hashes, then the previous hash. The place in
    /// the chain (tenant, seq) is inside, so an entry moved elsewhere no longer matches its hash.
    /// </summary>
    public static string HashOf(string tenantId, long seq, Instant at, string actor, string action, string target, string? before, string? after,
        string? reason, string? idempotencyKey, string prevHash)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            w.WriteStringValue(tenantId);
            w.WriteNumberValue(seq);
            w.WriteStringValue(FormatAt(at));
            w.WriteStringValue(actor);
            w.WriteStringValue(action);
            w.WriteStringValue(target);
            w.WriteStringValue(before);
            w.WriteStringValue(after);
            w.WriteStringValue(reason);
            w.WriteStringValue(idempotencyKey);
            w.WriteStringValue(prevHash);
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    public string ComputedHash() => HashOf(TenantId, Seq, At, Actor, Action, Target, Before, After, Reason, IdempotencyKey, PrevHash);

    /// <summary>What the audit key signs for an entry: its hash, tagged so an entry's MAC never passes as a head's.</summary>
    public static string EntryMacInput(string hash) => "audit-entry:" + hash;

    /// <summary>What the audit key signs for a chain head.</summary>
    public static string HeadMacInput(string tenantId, long seq, string hash) => $"audit-head:{tenantId}:{seq}:{hash}";

    /// <summary>PostgreSQL keeps microseconds: the hashed time is the stored time.</summary>
    public static Instant Truncate(Instant at) => Instant.FromUnixTimeTicks(at.ToUnixTimeTicks() / 10 * 10);

    static string FormatAt(Instant at) => InstantPattern.ExtendedIso.Format(at);
}
