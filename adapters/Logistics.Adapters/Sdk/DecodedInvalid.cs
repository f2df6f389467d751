namespace Logistics.Adapters.Sdk;

/// <summary>
/// A reading the device itself marked invalid (a GPS fix that failed this cycle) but that carries no time of its own:
/// it becomes an event at the frame's time flagged <c>source-invalid</c>, never dropped. A reading with its own time uses
/// <see cref="DecodedAt.SourceInvalid"/> instead.
/// </summary>
public sealed record DecodedInvalid(DecodedValue Value) : DecodedValue(Value.Channel);
