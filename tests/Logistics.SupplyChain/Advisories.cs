using System.Text.Json;
using NuGet.Versioning;

namespace Logistics.SupplyChain;

/// <summary>One published advisory for a NuGet package: the versions it affects as NuGet ranges, and where it is published.</summary>
public sealed record Advisory(string Id, string Package, IReadOnlyList<string> Affected, string Severity, string Source, string Summary)
{
    public bool Affects(string package, string version) =>
        string.Equals(package, Package, StringComparison.OrdinalIgnoreCase) && NuGetVersion.TryParse(version, out var v)
        && Affected.Any(r => VersionRange.Parse(r).Satisfies(v));
}

/// <summary>The committed advisory file (deploy/supply-chain/advisories.json): when it was last reviewed, and its advisories.</summary>
public sealed record AdvisoryFile(DateOnly Reviewed, string Note, IReadOnlyList<Advisory> Advisories)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AdvisoryFile Load(string path) =>
        JsonSerializer.Deserialize<AdvisoryFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty");
}
