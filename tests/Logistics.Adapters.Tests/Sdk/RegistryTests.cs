using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Sdk;

/// <summary>Discovery by convention: code adapters and codecs, and data-only adapters from embedded files and folders.</summary>
public sealed class RegistryTests : IDisposable
{
    readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("registry-");

    AdapterRegistry WithFolders() => new([typeof(StubFormat).Assembly], [_root.FullName]);

    void DataFolder(string folder, string content)
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, folder));
        File.WriteAllText(Path.Combine(_root.FullName, folder, "stub-adapter.txt"), content);
    }

    [Fact]
    public void an_embedded_data_file_becomes_an_adapter_named_by_its_folder()
    {
        var registry = new AdapterRegistry([typeof(StubFormat).Assembly]);
        Assert.True(registry.TryGetAdapter("stubbed", out var adapter));
        Assert.True(registry.IsDataOnly(adapter, out var file));
        Assert.Equal("Stubbed/stub-adapter.txt", file);
    }

    [Fact]
    public void a_data_folder_is_loaded_and_its_adapter_listed_in_id_order()
    {
        DataFolder("AcmeFreight", "acme-freight\n");
        var registry = WithFolders();
        Assert.True(registry.TryGetAdapter("acme-freight", out var adapter));
        Assert.True(registry.IsDataOnly(adapter, out var file));
        Assert.Equal(Path.Combine(_root.FullName, "AcmeFreight", "stub-adapter.txt"), file);
        Assert.Equal(registry.Adapters.Select(a => a.Info.Id).Order(StringComparer.Ordinal), registry.Adapters.Select(a => a.Info.Id));
        Assert.Empty(registry.Problems);
    }

    [Fact]
    public void a_folder_not_named_by_the_rule_is_a_problem_not_an_adapter()
    {
        DataFolder("Acme_Freight", "acme-freight\n");
        var registry = WithFolders();
        Assert.False(registry.TryGetAdapter("acme-freight", out _));
        var problem = Assert.Single(registry.Problems);
        Assert.Contains("adapter id 'acme-freight' belongs in folder AcmeFreight/", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_file_that_does_not_load_is_a_problem_naming_the_file()
    {
        DataFolder("Empty", "");
        var problem = Assert.Single(WithFolders().Problems);
        Assert.EndsWith($"Empty{Path.DirectorySeparatorChar}stub-adapter.txt: line 1: expected an adapter id, found nothing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void an_id_taken_twice_is_a_problem_and_the_first_stays()
    {
        DataFolder("Stubbed", "stubbed\n"); // the embedded one has this id too
        var registry = WithFolders();
        Assert.True(registry.TryGetAdapter("stubbed", out var adapter));
        Assert.True(registry.IsDataOnly(adapter, out var file));
        Assert.Equal("Stubbed/stub-adapter.txt", file);
        Assert.Contains(registry.Problems, p => p.Contains("adapter id 'stubbed' is already taken by Stubbed/stub-adapter.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void the_default_registry_finds_the_code_adapters_and_codecs()
    {
        Assert.Superset(new HashSet<string> { "dcsa-tnt", "epcis2", "iridium-sbd", "tts-v3", "x12-214" },
            AdapterRegistry.Default.Adapters.Select(a => a.Info.Id).ToHashSet());
        Assert.Superset(new HashSet<string> { "cayenne-lpp", "milesight", "t622" }, AdapterRegistry.Default.Codecs.Select(c => c.Id).ToHashSet());
    }

    public void Dispose() => _root.Delete(recursive: true);
}
