using System.Text.Json;

namespace Logistics.SupplyChain;

/// <summary>A resolved package of one project, with the vulnerabilities NuGet's sources reported for it (if any).</summary>
public sealed record ResolvedPackage(string Project, string Id, string Version, IReadOnlyList<(string Severity, string Url)> Vulnerabilities);

/// <summary>Reads <c>dotnet list package --include-transitive [--vulnerable] --format json</c>.</summary>
public static class PackageListing
{
    public static IReadOnlyList<ResolvedPackage> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<ResolvedPackage>();
        if (!doc.RootElement.TryGetProperty("projects", out var projects)) return list;
        foreach (var project in projects.EnumerateArray())
        {
            var name = Path.GetFileNameWithoutExtension(project.GetProperty("path").GetString() ?? "");
            if (!project.TryGetProperty("frameworks", out var frameworks)) continue;
            foreach (var fw in frameworks.EnumerateArray())
                foreach (var kind in new[] { "topLevelPackages", "transitivePackages" })
                {
                    if (!fw.TryGetProperty(kind, out var packages)) continue;
                    foreach (var p in packages.EnumerateArray())
                    {
                        var vulns = p.TryGetProperty("vulnerabilities", out var v)
                            ? v.EnumerateArray().Select(x => (x.GetProperty("severity").GetString() ?? "", x.GetProperty("advisoryurl").GetString() ?? "")).ToList()
                            : [];
                        list.Add(new ResolvedPackage(name, p.GetProperty("id").GetString()!, p.GetProperty("resolvedVersion").GetString()!, vulns));
                    }
                }
        }
        return list;
    }
}
