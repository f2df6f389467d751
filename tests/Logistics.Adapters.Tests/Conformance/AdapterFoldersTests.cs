using System.Runtime.CompilerServices;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>The adapter → folder rule, and where the build puts the samples the kit reads.</summary>
public sealed class AdapterFoldersTests
{
    [Fact]
    public void the_folder_is_the_namespace_below_logistics_adapters()
    {
        Assert.Equal("Example", AdapterFolders.FolderOf(typeof(Logistics.Adapters.Example.ExampleType)));
        Assert.Equal("Codecs/Example", AdapterFolders.FolderOf(typeof(Logistics.Adapters.Codecs.Example.ExampleCodecType)));
        Assert.Equal("Sdk", AdapterFolders.FolderOf(typeof(Guard)));
        Assert.Null(AdapterFolders.FolderOf(typeof(string)));
    }

    [Fact]
    public void every_registered_adapter_has_a_folder() =>
        Assert.All(AdapterRegistry.Default.Adapters, a => Assert.NotNull(AdapterFolders.FolderOf(a)));

    [Fact]
    public void every_source_sample_is_in_the_build_output_under_its_folder()
    {
        var source = Path.Combine(RepoRoot(), "adapters", "Logistics.Adapters");
        var sourceFiles = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f))
            .Where(r => r.Split(Path.DirectorySeparatorChar).Contains("Samples") && !r.StartsWith("bin", StringComparison.Ordinal) && !r.StartsWith("obj", StringComparison.Ordinal))
            .ToList();
        var output = SampleRoot.BuildOutput();
        foreach (var relative in sourceFiles)
        {
            var folder = relative[..relative.IndexOf($"{Path.DirectorySeparatorChar}Samples{Path.DirectorySeparatorChar}", StringComparison.Ordinal)];
            var inOutput = output.SamplesDirectory(folder.Replace(Path.DirectorySeparatorChar, '/'));
            Assert.True(inOutput is not null && File.Exists(Path.Combine(Path.GetDirectoryName(inOutput)!, relative[(folder.Length + 1)..])),
                $"{relative} is not in the build output under {string.Join(" or ", output.Bases)}");
        }
    }

    static string RepoRoot([CallerFilePath] string here = "") =>
        SampleRoot.FindRepoRoot(Path.GetDirectoryName(here)!) ?? throw new InvalidOperationException("repository root not found");
}
