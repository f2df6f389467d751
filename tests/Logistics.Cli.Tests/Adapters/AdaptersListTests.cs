using System.Text.Json;
using Logistics.Adapters.Catalog;
using Logistics.Adapters.Sdk;

namespace Logistics.Cli.Tests.Adapters;

/// <summary><c>adapters [--json]</c>: the registry as a table and as JSON.</summary>
public sealed class AdaptersListTests
{
    [Fact]
    public void the_table_lists_every_adapter_with_family_modes_and_carriers_and_every_codec()
    {
        var r = CliRunner.Run("adapters");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        var lines = r.Out.Split('\n');
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        foreach (var a in AdapterRegistry.Default.Adapters)
        {
            var line = Assert.Single(lines, l => l.StartsWith(a.Info.Id + " ", StringComparison.Ordinal));
            Assert.Contains($" {a.Info.Family} ", line, StringComparison.Ordinal);
            Assert.Contains(string.Join(",", a.Info.ModeNames()), line, StringComparison.Ordinal);
            Assert.All(a.Info.Carriers, c => Assert.Contains(c, line, StringComparison.Ordinal));
        }
        Assert.All(AdapterRegistry.Default.Codecs, c => Assert.Contains($"  {c.Id}  ", r.Out, StringComparison.Ordinal));
    }

    static readonly CarrierCatalog Catalog = CarrierCatalog.Load();

    [Fact]
    public void json_lists_the_catalog_carriers_under_each_adapter_with_the_source_of_each_claim()
    {
        using var doc = JsonDocument.Parse(CliRunner.Run("adapters", "--json").Out);
        var dcsa = doc.RootElement.GetProperty("adapters").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "dcsa-tnt");
        Assert.Contains("ZIMU", dcsa.GetProperty("carriers").EnumerateArray().Select(c => c.GetString()));
        var zim = dcsa.GetProperty("carrierCatalog").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "ZIMU");
        Assert.Equal(("ZIM", "ocean", "poll"), (zim.GetProperty("name").GetString(), zim.GetProperty("mode").GetString(), zim.GetProperty("inbound").GetString()));
        Assert.Contains("DCSA member", zim.GetProperty("claim").GetString(), StringComparison.Ordinal);
        var usps = doc.RootElement.GetProperty("adapters").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "usps");
        Assert.Equal(("mapping", "USPS"), (usps.GetProperty("kind").GetString(), usps.GetProperty("carriers")[0].GetString()));
    }

    [Fact]
    public void json_lists_the_air_parcel_and_edi_carriers_under_their_adapters()
    {
        using var doc = JsonDocument.Parse(CliRunner.Run("adapters", "--json").Out);
        JsonElement Adapter(string id) => doc.RootElement.GetProperty("adapters").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        List<string?> Carriers(string id) => Adapter(id).GetProperty("carriers").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Contains("157", Carriers("iata-fsu"));
        var qatar = Adapter("iata-fsu").GetProperty("carrierCatalog").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "157");
        Assert.Equal(("air", "webhook"), (qatar.GetProperty("mode").GetString(), qatar.GetProperty("inbound").GetString()));
        Assert.Contains("FSU", qatar.GetProperty("claim").GetString(), StringComparison.Ordinal);
        Assert.Equal(["UPS"], Carriers("ups"));
        Assert.Equal(["FDXE", "FDXG", "FXFR"], Carriers("fedex"));
        Assert.Equal(["DHL"], Carriers("dhl"));
        Assert.Contains("SUDU", Carriers("edifact-iftsta"));
    }

    [Fact]
    public void json_has_the_same_adapters_and_codecs_with_their_fields()
    {
        var r = CliRunner.Run("adapters", "--json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var adapters = doc.RootElement.GetProperty("adapters").EnumerateArray().ToList();
        Assert.Equal(AdapterRegistry.Default.Adapters.Select(a => a.Info.Id), adapters.Select(a => a.GetProperty("id").GetString()));
        foreach (var (json, adapter) in adapters.Zip(AdapterRegistry.Default.Adapters))
        {
            Assert.Equal(adapter.Info.Family, json.GetProperty("family").GetString());
            Assert.Equal(adapter.Info.ModeNames(), json.GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
            var carriers = json.GetProperty("carriers").EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.Superset(adapter.Info.Carriers.ToHashSet(), carriers.ToHashSet()!);
            Assert.Equal(Catalog.Of(adapter.Info.Id).Select(e => e.Code), json.GetProperty("carrierCatalog").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
            Assert.Equal(AdapterRegistry.Default.IsDataOnly(adapter, out _) ? "mapping" : "code", json.GetProperty("kind").GetString());
        }
        Assert.Equal(AdapterRegistry.Default.Codecs.Select(c => c.Id),
            doc.RootElement.GetProperty("codecs").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }
}
