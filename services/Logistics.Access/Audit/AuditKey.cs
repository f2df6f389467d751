using System.Security.Cryptography;
using System.Text;

namespace Logistics.Access.Audit;

/// <summary>
/// The secret that signs audit entries and chain heads (HMAC-SHA256). The database never holds it: it comes from the
/// host's settings (<c>LOGISTICS_AUDIT_KEY</c>, base64, or <c>Logistics__AuditKey</c>) or from a key file
/// (<c>LOGISTICS_AUDIT_KEY_FILE</c> / <c>Logistics__AuditKeyFile</c>, default <c>.data/audit.key</c>). Whoever can write the
/// database but not read this key cannot forge an entry or a head (docs/audit-trail.md).
/// </summary>
public sealed class AuditKey
{
    public const string DefaultFile = ".data/audit.key";
    readonly byte[] _key;

    AuditKey(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("an audit key needs at least 32 bytes", nameof(key));
        _key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..12];
    }

    /// <summary>A name for the key that reveals nothing of it (the first 12 hex digits of its SHA-256).</summary>
    public string Id { get; }

    public static AuditKey FromBase64(string base64) => new(Convert.FromBase64String(base64.Trim()));

    /// <summary>A new random key (tests; the host's first start writes one to its key file).</summary>
    public static AuditKey NewRandom() => new(RandomNumberGenerator.GetBytes(32));

    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>
    /// The key from <paramref name="base64"/> when given, else from <paramref name="file"/>; with <paramref name="create"/>
    /// a missing file is created with a new random key (readable by its owner only). Null when there is none.
    /// </summary>
    public static AuditKey? Resolve(string? base64, string? file, bool create)
    {
        if (!string.IsNullOrWhiteSpace(base64)) return FromBase64(base64);
        var path = string.IsNullOrWhiteSpace(file) ? DefaultFile : file;
        if (File.Exists(path)) return FromBase64(File.ReadAllText(path));
        if (!create) return null;
        var key = NewRandom();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            stream.Write(Encoding.ASCII.GetBytes(key.ToBase64() + "\n"));
        }
        return key;
    }

    /// <summary>The settings the host reads, from the environment: for the CLI, which must use the host's key.</summary>
    public static (string? Base64, string? File) FromEnvironment() =>
        (Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY") ?? Environment.GetEnvironmentVariable("Logistics__AuditKey"),
         Environment.GetEnvironmentVariable("LOGISTICS_AUDIT_KEY_FILE") ?? Environment.GetEnvironmentVariable("Logistics__AuditKeyFile"));

    /// <summary>HMAC-SHA256 of <paramref name="text"/> (UTF-8), lower-case hex.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="mac"/> is <see cref="Sign"/> of <paramref name="text"/>, compared in constant time.</summary>
    public bool Verifies(string text, string mac) =>
        mac.Length == 64 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(mac));
}
