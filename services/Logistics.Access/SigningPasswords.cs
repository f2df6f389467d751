using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Logistics.Access.Audit;
using NodaTime;
using Npgsql;

namespace Logistics.Access;

/// <summary>
/// The secret a signer re-authenticates with (21 CFR 11.200): stored only as an Argon2id hash with OWASP's minimum
/// parameters (m = 19 MiB, t = 2, p = 1) in PHC string form, so the parameters can be raised without breaking old hashes.
/// Passwords are never logged and never returned.
/// </summary>
public sealed class SigningPasswords(NpgsqlDataSource db, string schema, IClock clock, AuditTrail? audit = null)
{
    public const int MinLength = 12;
    const int MemoryKiB = 19 * 1024, Iterations = 2, Parallelism = 1, HashBytes = 32, SaltBytes = 16;

    public async Task SetAsync(string tenantId, string user, string password, CancellationToken ct) =>
        await SetAsync(tenantId, user, password, "system", ct);

    /// <summary>Sets the password; the audit entry records that it was set, by whom, never the password or its hash.</summary>
    public async Task SetAsync(string tenantId, string user, string password, string actor, CancellationToken ct)
    {
        var hash = Hash(password);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            insert into {schema}.signing_passwords (tenant_id, user_email, hash, updated_at) values ($1, $2, $3, $4)
            on conflict (tenant_id, user_email) do update set hash = excluded.hash, updated_at = excluded.updated_at
            returning (xmax <> 0) as replaced
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = user });
        cmd.Parameters.Add(new NpgsqlParameter { Value = hash });
        cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant() });
        var replaced = (bool)(await cmd.ExecuteScalarAsync(ct))!;
        if (audit is not null)
            await audit.AppendAsync(conn, tx, new AuditRecord(tenantId, actor, "signing-password.set", $"user:{user}",
                AuditRecord.Json(new { set = replaced }), AuditRecord.Json(new { set = true })), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>True only when the user has a signing password and this is it.</summary>
    public async Task<bool> VerifyAsync(string tenantId, string user, string password, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select hash from {schema}.signing_passwords where tenant_id = $1 and user_email = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = user });
        return await cmd.ExecuteScalarAsync(ct) is string stored && Verify(password, stored);
    }

    /// <summary><c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c> (base64 without padding, as the PHC format writes it).</summary>
    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, MemoryKiB, Iterations, Parallelism, HashBytes);
        return $"$argon2id$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}${B64(salt)}${B64(hash)}";
    }

    public static bool Verify(string password, string phc)
    {
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id") return false;
        var p = parts[3].Split(',').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => int.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture));
        var salt = FromB64(parts[4]);
        var expected = FromB64(parts[5]);
        var actual = Derive(password, salt, p["m"], p["t"], p["p"], expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    static byte[] Derive(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    static byte[] FromB64(string text) => Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
