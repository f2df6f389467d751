using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Everything a translation may know besides the bytes: when we received them, their hash, the carrier,
/// the payload codec chosen for the device (sensor networks), and the transport headers.
/// </summary>
public sealed record TranslationContext(string AdapterId, Instant ReceivedAt, string RawSha256)
{
    public string? Carrier { get; init; }

    /// <summary>The payload codec for sensor payloads (device profile, or <c>--codec</c> on the CLI).</summary>
    public string? CodecId { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The host's device profiles (device reference such as <c>devEui:…</c> → codec id), for payloads that name their device
    /// only inside the body. A lookup over a snapshot, so adapters stay pure.
    /// </summary>
    public Func<string, string?>? DeviceCodecs { get; init; }

    /// <summary>The codec for a device: an explicit <see cref="CodecId"/> wins, then the device's profile.</summary>
    public string? CodecFor(string deviceReference) => CodecId ?? DeviceCodecs?.Invoke(deviceReference);

    public static TranslationContext For(string adapterId, ReadOnlySpan<byte> raw, Instant receivedAt) =>
        new(adapterId, receivedAt, RawHash.Sha256Hex(raw));

    public EventSource SourceFor(string? sourceCode, string? sourceEventId = null) =>
        new(AdapterId, Carrier, RawSha256, sourceCode) { SourceEventId = sourceEventId };
}
