using System.Security.Cryptography;

namespace Logistics.Canonical.Events;

/// <summary>The SHA-256 of a raw message, lower-case hex: the link from every event back to what we received.</summary>
public static class RawHash
{
    public static string Sha256Hex(ReadOnlySpan<byte> raw) => Convert.ToHexStringLower(SHA256.HashData(raw));
}
