using Logistics.Canonical.Events;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// A sensor payload decoded by the device's codec (<see cref="TranslationContext.CodecFor"/>) into events: what every
/// sensor-network adapter does with the bytes the network carries. A codec error becomes a rejection at the byte where
/// decoding stopped, written in the adapter's own terms (<c>$.uplink_message.frm_payload byte 13</c>,
/// <c>byte 64 (IEI 0x02 payload)</c>).
/// </summary>
public static class CodecReadings
{
    /// <summary>Decodes <paramref name="payload"/> and appends one event per reading; null on success, else the rejection.</summary>
    /// <param name="payloadPosition">Where the payload is, for an unknown codec.</param>
    /// <param name="bytePosition">The position of a byte of the payload, for a codec error.</param>
    public static Rejection? Add(string codecId, ReadOnlySpan<byte> payload, int? port, EventHeader header, string positionMethod,
        List<CanonicalEvent> events, string payloadPosition, Func<int, string> bytePosition)
    {
        if (AdapterRegistry.Codec(codecId) is not { } codec)
            return new Rejection(payloadPosition, "a known payload codec", $"'{codecId}'");
        switch (codec.Decode(payload, port))
        {
            case CodecError err:
                return new Rejection(bytePosition(err.ByteOffset), $"{err.Expected} ({codecId})", err.Found);
            case CodecDecoded ok:
                ReadingEvents.AddAll(ok.Values, header, positionMethod, events);
                return null;
            default:
                return new Rejection(payloadPosition, "a codec result", codec.GetType().Name);
        }
    }
}
