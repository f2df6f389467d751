using System.Security.Cryptography;
using System.Text;

namespace Logistics.Canonical.Events;

/// <summary>
/// Deterministic event ids: a name-based UUID (RFC 9562 version 8 layout) over SHA-256 of the natural key,
/// so the same fact always gets the same id, in any process, on any day.
/// </summary>
public static class EventIds
{
    public static string Derive(string naturalKey) => DeriveGuid(naturalKey).ToString("D");

    public static Guid DeriveGuid(string naturalKey)
    {
        Span<byte> hash = stackalloc byte[32];
        var byteCount = Encoding.UTF8.GetByteCount(naturalKey);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(naturalKey, buffer);
        SHA256.HashData(buffer, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
