using System.Runtime.CompilerServices;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>
/// The one rule naming adapter folders from ids, held by every adapter and codec: code adapters' namespaces, data-only
/// adapters' files, codecs under Codecs/ only, and no stray folder in the source tree. Also: where the build puts the
/// samples the kit reads.
/// </summary>
public sealed class AdapterFoldersTests
{
    [Theory]
    [InlineData("dcsa-tnt", "DcsaTnt")]
    [InlineData("epcis2", "Epcis2")]
    [InlineData("x12-214", "X12_214")]
    [InlineData("tts-v3", "TtsV3")]
    [InlineData("iridium-sbd", "IridiumSbd")]
    [InlineData("iata-fsu", "IataFsu")]
    [InlineData("chirpstack-v4", "ChirpstackV4")]
    [InlineData("onerecord", "Onerecord")]
    [InlineData("edifact-iftsta", "EdifactIftsta")]
    [InlineData("orbcomm-idp", "OrbcommIdp")]
    [InlineData("la-poste", "LaPoste")]
    [InlineData("ups", "Ups")]
    public void the_folder_is_the_id_in_pascal_case_with_an_underscore_before_a_digit(string id, string folder) =>
        Assert.Equal(folder, AdapterFolders.FolderFor(id));

    /// <summary>CANONICAL.md's fixed adapter ids: each is registered, so the folder checks below cover it.</summary>
    [Fact]
    public void every_adapter_id_canonical_fixes_is_registered() =>
        Assert.All((string[])["epcis2", "dcsa-tnt", "iata-fsu", "onerecord", "x12-214", "edifact-iftsta", "ups", "fedex", "dhl", "tts-v3",
            "chirpstack-v4", "sigfox", "iridium-sbd", "globalstar", "orbcomm-idp"], id => Assert.True(AdapterRegistry.Default.TryGetAdapter(id, out _), id));

    [Fact]
    public void codec_folders_are_under_codecs() =>
        Assert.Equal("Codecs/CayenneLpp", AdapterFolders.CodecFolderFor("cayenne-lpp"));

    [Fact]
    public void the_namespace_folder_is_the_namespace_below_logistics_adapters()
    {
        Assert.Equal("Example", AdapterFolders.NamespaceFolder(typeof(Logistics.Adapters.Example.ExampleType)));
        Assert.Equal("Codecs/Example", AdapterFolders.NamespaceFolder(typeof(Logistics.Adapters.Codecs.Example.ExampleCodecType)));
        Assert.Equal("Sdk", AdapterFolders.NamespaceFolder(typeof(Guard)));
        Assert.Null(AdapterFolders.NamespaceFolder(typeof(string)));
    }

    [Fact]
    public void every_code_adapter_lives_in_the_folder_its_id_names() =>
        Assert.All(AdapterRegistry.Default.Adapters.Where(a => !AdapterRegistry.Default.IsDataOnly(a, out _)), a =>
            Assert.True(AdapterFolders.NamespaceFolder(a.GetType()) == AdapterFolders.FolderFor(a.Info.Id),
                $"{a.GetType().FullName} (id {a.Info.Id}) must be in namespace Logistics.Adapters.{AdapterFolders.FolderFor(a.Info.Id)}"));

    [Fact]
    public void every_data_only_adapter_file_is_in_the_folder_its_id_names() =>
        Assert.All(AdapterRegistry.Default.Adapters.Where(a => AdapterRegistry.Default.IsDataOnly(a, out _)), a =>
        {
            AdapterRegistry.Default.IsDataOnly(a, out var file);
            Assert.StartsWith(AdapterFolders.FolderFor(a.Info.Id) + "/", file, StringComparison.Ordinal);
        });

    [Fact]
    public void every_codec_lives_under_codecs_in_the_folder_its_id_names() =>
        Assert.All(AdapterRegistry.Default.Codecs, c =>
            Assert.True(AdapterFolders.NamespaceFolder(c.GetType()) == AdapterFolders.CodecFolderFor(c.Id),
                $"{c.GetType().FullName} (codec {c.Id}) must be in namespace Logistics.Adapters.{AdapterFolders.CodecFolderFor(c.Id).Replace('/', '.')}"));

    [Fact]
    public void the_registry_has_no_problems() =>
        Assert.True(AdapterRegistry.Default.Problems.Count == 0, string.Join("\n", AdapterRegistry.Default.Problems));

    [Fact]
    public void every_folder_of_the_source_tree_is_the_sdk_the_catalog_the_codecs_or_a_registered_adapter()
    {
        var source = Path.Combine(RepoRoot(), "adapters", "Logistics.Adapters");
        var adapters = AdapterRegistry.Default.Adapters.Select(AdapterFolders.FolderOf).ToHashSet(StringComparer.Ordinal);
        var codecs = AdapterRegistry.Default.Codecs.Select(AdapterFolders.FolderOf).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(source).Select(Path.GetFileName))
        {
            if (dir is "Sdk" or "Catalog" or AdapterFolders.CodecsFolder or "bin" or "obj") continue;
            Assert.True(adapters.Contains(dir!), $"adapters/Logistics.Adapters/{dir}/ is not the folder of a registered adapter (folders are named from ids: {string.Join(", ", adapters.Order())})");
        }
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(source, AdapterFolders.CodecsFolder)).Select(Path.GetFileName))
            Assert.True(codecs.Contains($"{AdapterFolders.CodecsFolder}/{dir}"), $"Codecs/{dir}/ is not the folder of a registered codec");
    }

    [Fact]
    public void no_codec_is_defined_outside_codecs() =>
        Assert.All(typeof(IAdapter).Assembly.GetTypes().Where(t => typeof(IPayloadCodec).IsAssignableFrom(t) && !t.IsInterface), t =>
            Assert.StartsWith($"{AdapterFolders.RootNamespace}.{AdapterFolders.CodecsFolder}.", t.Namespace, StringComparison.Ordinal));

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
