using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>Every sample of the epcis2 folder gives exactly its expected NDJSON; every reject is rejected as its note says.</summary>
public class Epcis2SampleTests
{
    public static TheoryData<string> Samples() => new(SampleNames());

    static IEnumerable<string> SampleNames() => Directory.GetFiles(Epcis2Fixture.SamplesDir)
        .Where(f => !f.EndsWith(".expected.ndjson", StringComparison.Ordinal) && !f.EndsWith(".source.txt", StringComparison.Ordinal)
                    && !f.EndsWith(".context.json", StringComparison.Ordinal))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> Rejects() => new(Directory.GetFiles(Path.Combine(Epcis2Fixture.SamplesDir, "rejects"))
        .Where(f => !f.EndsWith(".expected-rejection.txt", StringComparison.Ordinal))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(Samples))]
    public void sample_translates_to_its_expected_ndjson(string name)
    {
        Assert.True(File.Exists(Epcis2Fixture.Sample(name + ".source.txt")), $"{name} has no .source.txt");
        var expected = File.ReadAllText(Epcis2Fixture.Sample(name + ".expected.ndjson"));
        Assert.Equal(expected, Epcis2Fixture.Ndjson(Epcis2Fixture.Events(name)));
    }

    [Theory, MemberData(nameof(Rejects))]
    public void reject_is_rejected_naming_where_and_what(string name)
    {
        var path = Path.Combine(Epcis2Fixture.SamplesDir, "rejects", name);
        var result = Epcis2Fixture.Translate(File.ReadAllBytes(path));
        var rejected = Assert.IsType<Rejected>(result);
        Assert.False(Guard.IsFault(result), rejected.Rejection.Message);
        Assert.Contains(File.ReadAllText(path + ".expected-rejection.txt").Trim(), rejected.Rejection.Message);
    }

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
