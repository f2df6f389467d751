using System.Reflection;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.ChirpstackV4;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Adapters.Tests.DcsaTnt;
using Logistics.Adapters.Tests.EdifactIftsta;
using Logistics.Adapters.Tests.Epcis2;
using Logistics.Adapters.Tests.Globalstar;
using Logistics.Adapters.Tests.IataFsu;
using Logistics.Adapters.Tests.IridiumSbd;
using Logistics.Adapters.Tests.Mappings;
using Logistics.Adapters.Tests.Onerecord;
using Logistics.Adapters.Tests.OrbcommIdp;
using Logistics.Adapters.Tests.Parcel;
using Logistics.Adapters.Tests.Sigfox;
using Logistics.Adapters.Tests.TtsV3;
using Logistics.Adapters.Tests.X12_214;

namespace Logistics.Adapters.Tests.Conformance;

/// <summary>
/// Goldens produced by our own translate are regression checks, not proofs: every adapter and codec of the registry
/// also has a class of assertions written by hand from its specification. This table says which; a new adapter or
/// codec fails here until it has one (the conformance kit alone does not count).
/// </summary>
public sealed class SpecificationTestsTests
{
    static readonly Dictionary<string, Type> HandWritten = new(StringComparer.Ordinal)
    {
        ["dcsa-tnt"] = typeof(DcsaTntDecoderTests),
        ["epcis2"] = typeof(Epcis2VocabularyTests),
        ["x12-214"] = typeof(X12ShipmentStatusDecoderTests),
        ["tts-v3"] = typeof(TtsV3AdapterTests),
        ["iridium-sbd"] = typeof(IridiumSbdAdapterTests),
        ["iata-fsu"] = typeof(IataFsuDecoderTests),
        ["onerecord"] = typeof(OnerecordDecoderTests),
        ["edifact-iftsta"] = typeof(IftstaDecoderTests),
        ["ups"] = typeof(UpsDecoderTests),
        ["fedex"] = typeof(FedexDecoderTests),
        ["dhl"] = typeof(DhlDecoderTests),
        ["chirpstack-v4"] = typeof(ChirpstackV4AdapterTests),
        ["sigfox"] = typeof(SigfoxAdapterTests),
        ["globalstar"] = typeof(GlobalstarAdapterTests),
        ["orbcomm-idp"] = typeof(OrbcommIdpAdapterTests),
        ["usps"] = typeof(UspsMappingTests),
        ["la-poste"] = typeof(LaPosteMappingTests),
        ["royal-mail"] = typeof(RoyalMailMappingTests),
        ["postnl"] = typeof(PostnlMappingTests),
        ["inpost"] = typeof(InpostMappingTests),
        ["aramex"] = typeof(AramexMappingTests),
        ["postnord"] = typeof(PostnordMappingTests),
        ["sendle"] = typeof(SendleMappingTests),
        ["easypost"] = typeof(AggregatorMappingTests),
        ["aftership"] = typeof(AggregatorMappingTests),
        ["cayenne-lpp"] = typeof(CayenneLppCodecTests),
        ["milesight"] = typeof(MilesightCodecTests),
        ["sensit-v3"] = typeof(SensitV3CodecTests),
        ["smartone-c"] = typeof(SmartoneCCodecTests),
        // t622 is the payload of Iridium SBD DirectIP messages from that tracker: its decode is asserted through the adapter.
        ["t622"] = typeof(IridiumSbdAdapterTests),
    };

    [Fact]
    public void every_adapter_and_codec_of_the_registry_has_hand_written_specification_tests()
    {
        var ids = AdapterRegistry.Default.Adapters.Select(a => a.Info.Id).Concat(AdapterRegistry.Default.Codecs.Select(c => c.Id));
        Assert.All(ids, id => Assert.True(HandWritten.ContainsKey(id), $"{id} has no class of hand-written specification tests listed here"));
    }

    [Fact]
    public void each_listed_class_asserts_several_cases()
    {
        static int Tests(Type t) => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Count(m => m.GetCustomAttributes<FactAttribute>().Any());
        Assert.All(HandWritten, kv => Assert.True(Tests(kv.Value) >= 2, $"{kv.Key}: {kv.Value.Name} has {Tests(kv.Value)} tests"));
    }
}
