using System.Diagnostics;
using System.Text.Json;

namespace Logistics.SupplyChain;

/// <summary>
/// The vulnerability gate (GUARANTEES G11). NuGet's own check (<c>dotnet list package --vulnerable</c>) only knows what the
/// configured sources publish as a <c>VulnerabilityInfo</c> resource; a source without one makes it answer "no vulnerable
/// packages" about anything. So the gate asks each source whether it has vulnerability data and says so, and always also
/// checks every resolved package (transitive included) against the committed advisory file. It fails on any high or critical
/// finding from either, and fails closed when no source has vulnerability data and the advisory file is missing or stale.
/// </summary>
public sealed class Gate(TextWriter report, Func<string, Task<string>> fetch, Func<string[], string, Task<string>> dotnet)
{
    public sealed record Options(string Target, string AdvisoriesPath, int MaxAgeDays, DateOnly Today);

    static readonly string[] Failing = ["high", "critical"];

    public async Task<int> RunAsync(Options o)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(o.Target))!;
        var withData = 0;
        var sources = SourceUrls(await dotnet(["nuget", "list", "source", "--format", "short"], dir));
        foreach (var source in sources)
        {
            var has = await HasVulnerabilityDataAsync(source);
            if (has) withData++;
            report.WriteLine($"[supply-chain] source {source}: vulnerability data {(has ? "published (VulnerabilityInfo)" : "NOT published: NuGet's own check sees nothing from it")}");
        }

        var nuget = PackageListing.Parse(await dotnet(["list", o.Target, "package", "--include-transitive", "--vulnerable", "--format", "json"], dir));
        var resolved = PackageListing.Parse(await dotnet(["list", o.Target, "package", "--include-transitive", "--format", "json"], dir));
        var findings = new List<string>();
        foreach (var p in nuget)
            foreach (var (severity, url) in p.Vulnerabilities)
                findings.Add($"{Flag(severity)} {severity.ToLowerInvariant()} {p.Id} {p.Version} in {p.Project}: {url} (NuGet source)");

        AdvisoryFile? advisories = null;
        if (File.Exists(o.AdvisoriesPath)) advisories = AdvisoryFile.Load(o.AdvisoriesPath);
        var age = advisories is null ? int.MaxValue : o.Today.DayNumber - advisories.Reviewed.DayNumber;
        report.WriteLine(advisories is null
            ? $"[supply-chain] advisory file {o.AdvisoriesPath}: MISSING"
            : $"[supply-chain] advisory file {o.AdvisoriesPath}: {advisories.Advisories.Count} advisories, reviewed {advisories.Reviewed:yyyy-MM-dd} ({age} days ago, limit {o.MaxAgeDays})");
        foreach (var p in resolved.DistinctBy(p => (p.Id.ToLowerInvariant(), p.Version, p.Project)))
            foreach (var a in advisories?.Advisories.Where(a => a.Affects(p.Id, p.Version)) ?? [])
                findings.Add($"{Flag(a.Severity)} {a.Severity.ToLowerInvariant()} {p.Id} {p.Version} in {p.Project}: {a.Id} {a.Source} — {a.Summary} (committed advisories)");

        var packages = resolved.Select(p => (p.Id.ToLowerInvariant(), p.Version)).Distinct().Count();
        report.WriteLine($"[supply-chain] checked {packages} distinct resolved packages (transitive included) of {resolved.Select(p => p.Project).Distinct().Count()} projects");
        foreach (var f in findings.Distinct()) report.WriteLine("[supply-chain] " + f);

        var failing = findings.Count(f => f.StartsWith("FAIL", StringComparison.Ordinal));
        if (failing > 0)
        {
            report.WriteLine($"[supply-chain] GATE FAILED: {failing} high or critical findings");
            return 1;
        }
        if (withData == 0 && (advisories is null || advisories.Advisories.Count == 0 || age > o.MaxAgeDays))
        {
            report.WriteLine("[supply-chain] GATE FAILED (closed): no source publishes vulnerability data and the committed advisory file is " +
                             (advisories is null ? "missing" : advisories.Advisories.Count == 0 ? "empty" : $"{age} days old") +
                             "; review it against the GitHub Advisory Database and update its 'reviewed' date (docs/operations.md)");
            return 1;
        }
        report.WriteLine(withData == 0
            ? "[supply-chain] gate passed on the committed advisories only (no source publishes vulnerability data): 0 high or critical"
            : "[supply-chain] gate passed: 0 high or critical");
        return 0;
    }

    static string Flag(string severity) => Failing.Contains(severity.ToLowerInvariant()) ? "FAIL" : "note";

    /// <summary>The enabled sources' URLs from <c>dotnet nuget list source --format short</c> ("E https://…").</summary>
    public static IReadOnlyList<string> SourceUrls(string listing) =>
        listing.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim()).ToList();

    async Task<bool> HasVulnerabilityDataAsync(string source)
    {
        if (!source.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return false;   // a local folder feed has none
        try
        {
            using var doc = JsonDocument.Parse(await fetch(source));
            return doc.RootElement.GetProperty("resources").EnumerateArray()
                .Any(r => (r.GetProperty("@type").GetString() ?? "").StartsWith("VulnerabilityInfo", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or TaskCanceledException)
        {
            report.WriteLine($"[supply-chain] source {source}: service index unreadable ({ex.GetType().Name})");
            return false;
        }
    }

    /// <summary>Runs the dotnet CLI and returns its standard output; a failing command is an error (the gate must not pass on it).</summary>
    public static async Task<string> DotnetAsync(string[] args, string workingDirectory)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }
}
