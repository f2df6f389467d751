using NodaTime;

namespace Logistics.Host.Intake;

/// <summary>A message exactly as received, kept before we answer. Status: received → translated | quarantined.</summary>
public sealed record RawMessage(
    Guid Id,
    string AdapterId,
    Instant ReceivedAt,
    string Sha256,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? Codec)
{
    /// <summary>Where the message came from: the sender's address as the connection saw it.</summary>
    public string? SourceAddress { get; init; }

    /// <summary>The tenant whose key posted it: the message and every event translated from it belong to that tenant.</summary>
    public required string TenantId { get; init; }
}

public static class RawStatus
{
    public const string Received = "received";
    public const string Translated = "translated";
    public const string Quarantined = "quarantined";
}
