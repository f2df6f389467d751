namespace Logistics.Adapters.Sdk;

/// <summary>
/// A pure translation: raw bytes + context → canonical events, or a rejection that says where and what was expected.
/// No I/O, no clock, no exception escaping (<see cref="Guard"/> turns a bug into a rejection at the boundary).
/// Implementations need a public parameterless constructor: the registry finds them by convention.
/// </summary>
public interface IAdapter
{
    AdapterInfo Info { get; }

    TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context);
}

/// <summary>The families of sources; an adapter has one.</summary>
public static class AdapterFamilies
{
    public const string Epcis = "epcis";
    public const string Ocean = "ocean";
    public const string Air = "air";
    public const string Road = "road";
    public const string Parcel = "parcel";
    public const string Edi = "edi";
    public const string Lpwan = "lpwan";
    public const string Satellite = "satellite";
}

/// <summary>How messages reach the adapter.</summary>
[Flags]
public enum InboundModes
{
    None = 0,
    Webhook = 1,
    Poll = 2,
    File = 4,
}

/// <summary>What an adapter is: its fixed id (CANONICAL.md), family, the carriers it serves and how messages arrive.</summary>
public sealed record AdapterInfo(string Id, string Family, IReadOnlyList<string> Carriers, InboundModes Modes, string Description)
{
    /// <summary>Media types the adapter reads, for documentation and the ingest route.</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = ["application/json"];

    public IEnumerable<string> ModeNames() =>
        Enum.GetValues<InboundModes>().Where(m => m != InboundModes.None && Modes.HasFlag(m)).Select(m => m.ToString().ToLowerInvariant());
}
