using Logistics.Adapters.IridiumSbd;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Tests.Codecs;
using Logistics.Adapters.TtsV3;
using Logistics.Canonical.Json;

namespace Logistics.Adapters.Tests.TtsV3;

/// <summary>
/// Every sample of tts-v3 and iridium-sbd against its expected NDJSON, every reject against its expected substring —
/// the conformance kit does this for all adapters; this keeps our own loop fast while the kit is being written.
/// </summary>
public class LpwanSampleTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, folder) in new[] { (TtsV3Adapter.AdapterId, "TtsV3/Samples"), (IridiumSbdAdapter.AdapterId, "IridiumSbd/Samples") })
        {
            foreach (var f in LpwanSamples.Inputs(folder)) data.Add(id, Path.GetRelativePath(LpwanSamples.PathOf(""), f));
            foreach (var f in LpwanSamples.Inputs(folder + "/rejects")) data.Add(id, Path.GetRelativePath(LpwanSamples.PathOf(""), f));
        }
        return data;
    }

    static IAdapter Adapter(string id) => id == TtsV3Adapter.AdapterId ? new TtsV3Adapter() : new IridiumSbdAdapter();

    [Theory]
    [MemberData(nameof(Samples))]
    public void sample_translates_as_expected(string adapterId, string sample)
    {
        var result = LpwanSamples.Translate(Adapter(adapterId), sample);
        var path = LpwanSamples.PathOf(sample);
        if (File.Exists(path + ".expected-rejection.txt"))
        {
            var rejected = Assert.IsType<Rejected>(result);
            Assert.Contains(File.ReadAllText(path + ".expected-rejection.txt").Trim(), rejected.Rejection.Message, StringComparison.Ordinal);
            return;
        }
        var events = Assert.IsType<Translated>(result).Events;
        Assert.Equal(File.ReadAllText(path + ".expected.ndjson"), CanonicalJson.ToNdjson(events));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.True(File.Exists(path + ".source.txt"), $"{sample} needs a .source.txt");
    }
}
