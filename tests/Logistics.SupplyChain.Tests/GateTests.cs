using System.Text;
using Xunit.Abstractions;

namespace Logistics.SupplyChain.Tests;

/// <summary>
/// The vulnerability gate (GUARANTEES G11) on real restores: a throwaway project that references a known-vulnerable
/// Newtonsoft.Json 12.0.1 fails it, even though the package source here publishes no vulnerability data; the same project on
/// 13.0.4 passes it; with no vulnerability data and no advisory file it fails closed.
/// </summary>
public sealed class The_vulnerability_gate(ITestOutputHelper output) : IDisposable
{
    static readonly string Advisories = Path.Combine(RepositoryRoot(), "deploy", "supply-chain", "advisories.json");
    readonly string _dir = Directory.CreateTempSubdirectory("gate-").FullName;

    [Fact]
    public async Task fails_on_a_known_vulnerable_newtonsoft_json_although_the_source_reports_nothing()
    {
        var (exit, report) = await GateAsync("12.0.1", Advisories);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL high Newtonsoft.Json 12.0.1", report, StringComparison.Ordinal);
        Assert.Contains("GHSA-5crp-9r3c-p9vr", report, StringComparison.Ordinal);
        Assert.Contains("GATE FAILED", report, StringComparison.Ordinal);
        output.WriteLine("LEDGER G11 vulnerability-gate: known-vulnerable Newtonsoft.Json 12.0.1 caught=" + (exit == 1 ? "yes" : "no"));
    }

    [Fact]
    public async Task passes_the_fixed_version_and_says_which_data_it_passed_on()
    {
        var (exit, report) = await GateAsync("13.0.4", Advisories);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("FAIL", report, StringComparison.Ordinal);
        Assert.Contains("checked ", report, StringComparison.Ordinal);
        // Each source is named with whether it publishes vulnerability data; the verdict says what it rests on.
        Assert.Matches("source .+: vulnerability data (published|NOT published)", report);
    }

    [Fact]
    public async Task fails_closed_without_vulnerability_data_from_any_source_and_without_advisories()
    {
        var (exit, report) = await GateAsync("13.0.4", Path.Combine(_dir, "no-such-advisories.json"));
        if (report.Contains("vulnerability data published", StringComparison.Ordinal))
            return; // a source with real vulnerability data: NuGet's own check counts, nothing to fail closed on
        Assert.Equal(1, exit);
        Assert.Contains("GATE FAILED (closed)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void reads_nuget_ranges_as_published()
    {
        var file = AdvisoryFile.Load(Advisories);
        var npgsql = file.Advisories.Single(a => a.Package == "Npgsql");
        Assert.True(npgsql.Affects("Npgsql", "8.0.2"));
        Assert.False(npgsql.Affects("Npgsql", "8.0.3"));
        Assert.True(npgsql.Affects("npgsql", "7.0.6"));
        Assert.False(npgsql.Affects("Npgsql", "7.0.7"));
        Assert.False(npgsql.Affects("Npgsql", "10.0.3"));
    }

    async Task<(int Exit, string Report)> GateAsync(string newtonsoftVersion, string advisories)
    {
        var project = Path.Combine(_dir, "Probe.csproj");
        await File.WriteAllTextAsync(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NuGetAudit>false</NuGetAudit></PropertyGroup>
              <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="{newtonsoftVersion}" /></ItemGroup>
            </Project>
            """);
        await Gate.DotnetAsync(["restore", project, "-v", "quiet"], _dir);
        var report = new StringWriter(new StringBuilder());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var exit = await new Gate(report, url => http.GetStringAsync(url), Gate.DotnetAsync)
            .RunAsync(new Gate.Options(project, advisories, 180, DateOnly.FromDateTime(DateTime.UtcNow)));
        output.WriteLine(report.ToString());
        return (exit, report.ToString());
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Logistics.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Logistics.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
