using NodaTime;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// A reading that carries its own time (a logger's history record, a GNSS fix time, an LPP time element), so the
/// adapter uses <see cref="At"/> instead of the frame's network time. <see cref="SourceInvalid"/> keeps a reading the
/// device itself marked invalid (no GNSS fix): it becomes an event flagged <c>source-invalid</c>, never dropped.
/// </summary>
public sealed record DecodedAt(DecodedValue Value, Instant At) : DecodedValue(Value.Channel)
{
    public bool SourceInvalid { get; init; }
}
