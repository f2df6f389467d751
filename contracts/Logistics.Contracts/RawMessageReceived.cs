namespace Logistics.Contracts;

/// <summary>
/// A raw message was stored in the inbox and awaits translation. Carries a reference, not the body:
/// the body stays in PostgreSQL, so the bus never holds the only copy of anything.
/// </summary>
public record RawMessageReceived
{
    public required Guid RawMessageId { get; init; }
    public required string AdapterId { get; init; }
    /// <summary>The stream partition key (device or reference) when intake could tell; routes related messages together.</summary>
    public string? PartitionKey { get; init; }
}
