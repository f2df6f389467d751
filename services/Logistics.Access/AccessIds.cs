using System.Security.Cryptography;

namespace Logistics.Access;

/// <summary>
/// Opaque ids and secrets. Ids are random, not secret (<c>tn_…</c>, <c>key_…</c>). An API key is 32 random bytes
/// (256 bits, base64url), so a fast hash is enough to store it: there is nothing to brute-force (unlike a password).
/// </summary>
public static class AccessIds
{
    public const string KeyPrefix = "lgk_";

    public static string NewTenantId() => "tn_" + RandomHex(8);

    public static string NewKeyId() => "key_" + RandomHex(8);

    public static string NewApiKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the key as sent; what the database keeps and looks up.</summary>
    public static byte[] HashKey(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
