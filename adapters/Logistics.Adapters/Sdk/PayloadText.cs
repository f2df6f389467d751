using System.Buffers;

namespace Logistics.Adapters.Sdk;

/// <summary>Payload bytes as networks write them in text: base64 (LoRaWAN network servers) or hex (Sigfox, Globalstar).</summary>
public static class PayloadText
{
    /// <summary>Base64 (RFC 4648) → bytes; false for text that is not base64.</summary>
    public static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length * 3 / 4 + 3];
        if (Convert.TryFromBase64String(text, buffer, out var n))
        {
            bytes = buffer[..n];
            return true;
        }
        bytes = [];
        return false;
    }

    /// <summary>Hex digits (either case, an even count) → bytes; false for anything else.</summary>
    public static bool TryHex(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 2 != 0) return false;
        var buffer = new byte[text.Length / 2];
        if (Convert.FromHexString(text, buffer, out _, out var written) != OperationStatus.Done || written != buffer.Length)
            return false;
        bytes = buffer;
        return true;
    }
}
