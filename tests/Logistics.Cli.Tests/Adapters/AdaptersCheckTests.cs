using System.Text.Json.Nodes;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Cli.Tests.Adapters;

/// <summary><c>adapters check</c>: the kit's verdict as exit code and explanation.</summary>
public sealed class AdaptersCheckTests
{
    static string SourceSamples => Path.Combine(CliRunner.RepoRoot(), "adapters", "Logistics.Adapters");

    public static TheoryData<string> AdapterIds()
    {
        var data = new TheoryData<string>();
        foreach (var a in AdapterRegistry.Default.Adapters) data.Add(a.Info.Id);
        return data;
    }

    [Fact]
    public void an_unknown_adapter_is_exit_2_with_one_line_naming_the_known_ones()
    {
        var r = CliRunner.Run("adapters", "check", "no-such-adapter");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("adapters check: unknown adapter 'no-such-adapter' (known: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_samples_root_is_exit_2() =>
        Assert.Equal(2, CliRunner.Run("adapters", "check", "--samples-root", "/no/such/dir").ExitCode);

    [Theory]
    [MemberData(nameof(AdapterIds))]
    public void exit_code_and_text_are_the_kits_verdict(string id)
    {
        var expected = new ConformanceKit(root: new SampleRoot(SourceSamples)).Check(id)!;

        var r = CliRunner.Run("adapters", "check", id, "--samples-root", SourceSamples);

        Assert.Equal(expected.Passed ? 0 : 1, r.ExitCode);
        Assert.Contains(ReportText.Render(expected), r.Out, StringComparison.Ordinal);
        Assert.StartsWith($"samples from {SourceSamples}", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void a_changed_expected_event_is_exit_1_and_explained_by_event_and_field()
    {
        var adapter = AdapterRegistry.Default.Adapters.First(a =>
            Directory.Exists(Path.Combine(SourceSamples, AdapterFolders.FolderOf(a)!, "Samples"))
            && Directory.EnumerateFiles(Path.Combine(SourceSamples, AdapterFolders.FolderOf(a)!, "Samples"), "*" + SampleDiscovery.ExpectedSuffix).Any());
        var folder = AdapterFolders.FolderOf(adapter)!;
        var root = Directory.CreateTempSubdirectory("check-");
        try
        {
            var samples = Path.Combine(root.FullName, folder, "Samples");
            CopyDirectory(Path.Combine(SourceSamples, folder, "Samples"), samples);
            var expectedFile = Directory.EnumerateFiles(samples, "*" + SampleDiscovery.ExpectedSuffix).Order(StringComparer.Ordinal).First();
            var lines = File.ReadAllLines(expectedFile);
            var first = JsonNode.Parse(lines[0])!;
            first["occurredAt"] = "1999-01-01T00:00:00Z";
            lines[0] = first.ToJsonString();
            File.WriteAllLines(expectedFile, lines);

            var r = CliRunner.Run("adapters", "check", adapter.Info.Id, "--samples-root", root.FullName);

            Assert.Equal(1, r.ExitCode);
            var sample = Path.GetFileName(expectedFile)[..^SampleDiscovery.ExpectedSuffix.Length];
            Assert.Contains($"  FAIL {sample}\n", r.Out, StringComparison.Ordinal);
            Assert.Matches(@"expected-output: event 1 \([a-z]+[^)]*\): \$\.occurredAt: expected ""1999-01-01T00:00:00Z"", got ""[0-9T:.Z-]+""", r.Out);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
