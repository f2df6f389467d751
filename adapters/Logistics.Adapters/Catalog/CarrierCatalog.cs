using System.Text.Json;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Catalog;

/// <summary>The transport modes of the catalog (API.md <c>GET /carriers?mode=</c>).</summary>
public static class CarrierModes
{
    public const string Ocean = "ocean";
    public const string Air = "air";
    public const string Road = "road";
    public const string Parcel = "parcel";
    public const string Rail = "rail";

    public static readonly IReadOnlyList<string> All = [Ocean, Air, Road, Parcel, Rail];
}

/// <summary>
/// One carrier an adapter serves: <see cref="Code"/> (SCAC, IATA airline prefix or the carrier's own), how its messages
/// reach us (<see cref="Inbound"/>: webhook, poll or file), the reference schemes its messages name, where it documents
/// the interface, and the source of the claim that the adapter really serves it. <see cref="Confirmed"/> is false for a
/// carrier an adapter names that its own documentation does not yet confirm.
/// </summary>
public sealed record CarrierEntry(string Code, string Name, string Mode, string Adapter, string Inbound,
    IReadOnlyList<string> Identifiers, string Docs, string Claim, bool Confirmed);

/// <summary>
/// The carrier catalog (<c>Catalog/carriers.json</c>, embedded): real carriers, each with the adapter that serves it
/// and the source of that claim. A carrier may appear once per adapter (USPS direct, and through EasyPost). An entry may
/// name an adapter id CANONICAL.md fixes that has not landed yet: it waits, and <see cref="Served"/> leaves it out.
/// </summary>
public sealed class CarrierCatalog
{
    const string ResourceName = "Catalog/carriers.json";

    CarrierCatalog(IReadOnlyList<CarrierEntry> entries) => Entries = entries;

    public IReadOnlyList<CarrierEntry> Entries { get; }

    /// <summary>The embedded catalog (a build-time file: a malformed one throws at start-up, and a test reads it).</summary>
    public static CarrierCatalog Load()
    {
        using var stream = typeof(CarrierCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"no embedded carrier catalog '{ResourceName}'");
        using var doc = JsonDocument.Parse(stream);
        var entries = doc.RootElement.GetProperty("carriers").EnumerateArray().Select(Entry).ToList();
        return new CarrierCatalog(entries);
    }

    /// <summary>The entries whose adapter is registered, optionally of one mode, in catalog order.</summary>
    public IReadOnlyList<CarrierEntry> Served(AdapterRegistry registry, string? mode = null) =>
        Entries.Where(e => registry.TryGetAdapter(e.Adapter, out _) && (mode is null || e.Mode == mode)).ToList();

    /// <summary>The entries of one adapter, in catalog order.</summary>
    public IReadOnlyList<CarrierEntry> Of(string adapterId) => Entries.Where(e => e.Adapter == adapterId).ToList();

    static CarrierEntry Entry(JsonElement e) => new(
        e.GetProperty("code").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("mode").GetString()!,
        e.GetProperty("adapter").GetString()!, e.GetProperty("inbound").GetString()!,
        e.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()!).ToList(),
        e.GetProperty("docs").GetString()!, e.GetProperty("claim").GetString()!,
        !e.TryGetProperty("confirmed", out var c) || c.GetBoolean());
}
