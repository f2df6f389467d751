using Logistics.Adapters.Catalog;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Catalog;

/// <summary>
/// The catalog is the list of real carriers our adapters serve, each claim with its source; every entry names a
/// registered adapter.
/// </summary>
public sealed class CarrierCatalogTests
{
    static readonly CarrierCatalog Catalog = CarrierCatalog.Load();

    [Fact]
    public void at_least_a_hundred_distinct_real_carriers_are_served_and_confirmed() =>
        Assert.True(Catalog.Served(AdapterRegistry.Default).Where(e => e.Confirmed).Select(e => e.Code).Distinct().Count() >= 100);

    [Fact]
    public void every_entry_is_complete_and_uses_the_contract_vocabularies() =>
        Assert.All(Catalog.Entries, e =>
        {
            Assert.Matches("^[A-Z0-9_]{2,20}$", e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
            Assert.Contains(e.Mode, CarrierModes.All);
            Assert.Contains(e.Inbound, (string[])["webhook", "poll", "file"]);
            Assert.NotEmpty(e.Identifiers);
            Assert.All(e.Identifiers, i => Assert.Contains(i, RefSchemes.All));
            Assert.StartsWith("https://", e.Docs, StringComparison.Ordinal);
            Assert.True(e.Claim.Length >= 20, $"{e.Code}: the claim needs its source");
        });

    [Fact]
    public void every_entry_names_a_registered_adapter() =>
        Assert.All(Catalog.Entries, e => Assert.True(AdapterRegistry.Default.TryGetAdapter(e.Adapter, out _), $"{e.Code}: adapter '{e.Adapter}' is not registered"));

    [Fact]
    public void a_carrier_appears_once_per_adapter_and_arrives_in_a_way_the_adapter_takes() =>
        Assert.All(Catalog.Entries.GroupBy(e => (e.Code, e.Adapter)), g =>
        {
            Assert.Single(g);
            if (AdapterRegistry.Default.TryGetAdapter(g.Key.Adapter, out var adapter))
                Assert.Contains(g.First().Inbound, adapter.Info.ModeNames());
        });

    [Fact]
    public void every_carrier_an_adapter_names_is_in_the_catalog_with_its_claim()
    {
        // Sensor networks (TTN/TTS, Iridium) are not transport carriers: they have no place in a carrier catalog.
        foreach (var adapter in AdapterRegistry.Default.Adapters.Where(a => a.Info.Family is not (AdapterFamilies.Lpwan or AdapterFamilies.Satellite)))
        {
            var listed = Catalog.Of(adapter.Info.Id).Select(e => e.Code).ToHashSet();
            Assert.All(adapter.Info.Carriers, c => Assert.True(listed.Contains(c), $"{adapter.Info.Id} names carrier {c}, which the catalog does not list for it"));
        }
    }

    [Fact]
    public void ocean_carriers_are_scacs_and_parcel_carriers_issue_tracking_numbers()
    {
        Assert.All(Catalog.Entries.Where(e => e.Mode == CarrierModes.Ocean), e => Assert.Matches("^[A-Z]{4}$", e.Code));
        Assert.All(Catalog.Entries.Where(e => e.Mode == CarrierModes.Parcel), e => Assert.Contains(RefSchemes.Tracking, e.Identifiers));
    }

    [Fact]
    public void served_filters_by_mode_and_keeps_catalog_order()
    {
        var ocean = Catalog.Served(AdapterRegistry.Default, CarrierModes.Ocean);
        Assert.Equal(["MAEU", "MSCU", "CMDU", "HLCU", "ONEY", "EGLV", "YMLU", "HDMU", "ZIMU", "SUDU"], ocean.Select(e => e.Code));
        Assert.Equal(["dcsa-tnt"], ocean.SkipLast(1).Select(e => e.Adapter).Distinct());
        Assert.Equal("edifact-iftsta", ocean[^1].Adapter);
        Assert.Empty(Catalog.Served(AdapterRegistry.Default, CarrierModes.Rail));
    }

    [Fact]
    public void air_carriers_are_iata_airline_prefixes_issuing_air_waybills() =>
        Assert.All(Catalog.Entries.Where(e => e.Mode == CarrierModes.Air), e =>
        {
            Assert.Matches("^[0-9]{3}$", e.Code);
            Assert.Contains(RefSchemes.Awb, e.Identifiers);
        });

    [Fact]
    public void the_air_parcel_and_edi_adapters_list_the_carriers_they_serve()
    {
        Assert.Contains(Catalog.Of("iata-fsu"), e => e is { Code: "157", Confirmed: true });
        Assert.Equal(["UPS"], Catalog.Of("ups").Select(e => e.Code));
        Assert.Equal(["FDXE", "FDXG", "FXFR"], Catalog.Of("fedex").Select(e => e.Code));
        Assert.Equal(["DHL"], Catalog.Of("dhl").Select(e => e.Code));
        Assert.All(Catalog.Of("edifact-iftsta"), e => Assert.Contains("IFTSTA", e.Claim, StringComparison.Ordinal));
        // ONE Record participants are listed only once one is documented as serving ONE Record events: none yet.
        Assert.Empty(Catalog.Of("onerecord"));
    }
}
