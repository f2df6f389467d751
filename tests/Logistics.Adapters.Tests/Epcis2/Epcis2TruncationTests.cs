using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>
/// A deterministic sweep beside the random fuzz run: every prefix (in steps of 7 bytes) of every sample is translated
/// or rejected, never an exception. The samples themselves are checked by the conformance kit.
/// </summary>
public class Epcis2TruncationTests
{
    static IEnumerable<string> SampleNames() => Directory.GetFiles(Epcis2Fixture.SamplesDir)
        .Where(f => !f.EndsWith(".expected.ndjson", StringComparison.Ordinal) && !f.EndsWith(".source.txt", StringComparison.Ordinal)
                    && !f.EndsWith(".context.json", StringComparison.Ordinal))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public void no_prefix_of_any_sample_makes_the_adapter_throw()
    {
        foreach (var name in SampleNames())
        {
            var raw = File.ReadAllBytes(Epcis2Fixture.Sample(name));
            for (var length = 0; length < raw.Length; length += 7)
                Assert.False(Guard.IsFault(Epcis2Fixture.Translate(raw[..length])), $"{name} cut at {length}");
        }
    }
}
