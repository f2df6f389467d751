using Logistics.Adapters.Epcis2;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>The status map is data; these check the data keeps its promises.</summary>
public class Epcis2VocabularyTests
{
    [Fact]
    public void the_fixed_cbv_steps_of_canonical_md_map_as_written()
    {
        var expected = new Dictionary<string, string>
        {
            ["accepting"] = "PICKED_UP", ["loading"] = "LOADED", ["departing"] = "DEPARTED", ["arriving"] = "ARRIVED",
            ["unloading"] = "UNLOADED", ["holding"] = "CUSTOMS_HOLD", ["staging_outbound"] = "AVAILABLE_FOR_DELIVERY", ["receiving"] = "DELIVERED",
        };
        foreach (var (step, milestone) in expected)
            Assert.Equal(milestone, EpcisVocabulary.BizSteps.Map[step]);
    }

    [Fact]
    public void every_milestone_code_exports_to_a_bizstep_that_maps_back_to_it()
    {
        foreach (var code in MilestoneCodes.All)
            Assert.Equal(code, EpcisVocabulary.BizSteps.Map[EpcisVocabulary.ExportBizSteps[code]]);
        Assert.All(EpcisVocabulary.BizSteps.Map.Values, code => Assert.True(MilestoneCodes.IsKnown(code), code));
    }

    [Theory]
    [InlineData("departing"), InlineData("https://ref.gs1.org/cbv/BizStep-departing"), InlineData("urn:epcglobal:cbv:bizstep:departing")]
    [InlineData("http://ref.gs1.org/cbv/BizStep-departing"), InlineData("https://gs1.org/voc/BizStep-departing")]
    public void every_published_form_of_a_bizstep_normalises_to_its_short_name(string bizStep) =>
        Assert.Equal("departing", EpcisVocabulary.NormalizeBizStep(bizStep));

    [Fact]
    public void the_adapter_is_found_by_convention_with_its_content_types()
    {
        Assert.True(AdapterRegistry.Default.TryGetAdapter("epcis2", out var adapter));
        Assert.Equal((AdapterFamilies.Epcis, InboundModes.Webhook | InboundModes.File), (adapter.Info.Family, adapter.Info.Modes));
        Assert.Equal(["application/ld+json", "application/json"], adapter.Info.ContentTypes);
    }

    [Theory]
    [InlineData("urn:epc:id:sscc:0614141.1234567890", "sscc", "106141412345678908")]
    [InlineData("https://id.gs1.org/00/106141412345678908", "sscc", "106141412345678908")]
    [InlineData("urn:epc:id:bic:CSQU3054383", "container", "CSQU3054383")]
    [InlineData("urn:logistics:ref:bol:MAEU%20123%2F45", "bol", "MAEU 123/45")]
    [InlineData("urn:epc:id:sgtin:4012345.011111.9876", "epc", "urn:epc:id:sgtin:4012345.011111.9876")]
    public void identifiers_map_to_references_and_back(string uri, string scheme, string value)
    {
        var reference = EpcisIdentifiers.ToReference(uri);
        Assert.Equal(new Reference(scheme, value), reference);
        Assert.Equal(reference, EpcisIdentifiers.ToReference(EpcisIdentifiers.ToUri(reference)));
    }
}
