using Logistics.Adapters.Catalog;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Catalog;

/// <summary>
/// The catalog is the list of real carriers our adapters serve, each claim with its source. An entry may wait for an
/// adapter id CANONICAL.md fixes (iata-fsu, ups, …) before that adapter lands; any other unknown adapter is a mistake.
/// </summary>
public sealed class CarrierCatalogTests
{
    static readonly CarrierCatalog Catalog = CarrierCatalog.Load();

    /// <summary>CANONICAL.md's fixed adapter ids: an entry may name one before its adapter exists.</summary>
    static readonly HashSet<string> FixedIds =
    [
        "epcis2", "dcsa-tnt", "iata-fsu", "onerecord", "x12-214", "edifact-iftsta", "ups", "fedex", "dhl", "tts-v3",
        "chirpstack-v4", "sigfox", "iridium-sbd", "globalstar", "orbcomm-idp",
    ];

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
    public void every_entry_names_a_registered_adapter_or_a_fixed_id_still_to_come() =>
        Assert.All(Catalog.Entries, e => Assert.True(AdapterRegistry.Default.TryGetAdapter(e.Adapter, out _) || FixedIds.Contains(e.Adapter),
            $"{e.Code}: adapter '{e.Adapter}' is neither registered nor one of CANONICAL.md's ids"));

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
        Assert.Equal(["MAEU", "MSCU", "CMDU", "HLCU", "ONEY", "EGLV", "YMLU", "HDMU", "ZIMU"], ocean.Select(e => e.Code));
        Assert.All(ocean, e => Assert.Equal("dcsa-tnt", e.Adapter));
        Assert.Empty(Catalog.Served(AdapterRegistry.Default, CarrierModes.Rail));
    }
}
