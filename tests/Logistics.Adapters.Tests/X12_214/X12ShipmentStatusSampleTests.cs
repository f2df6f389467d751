using Logistics.Adapters.Sdk;
using Logistics.Canonical.Json;
using static Logistics.Adapters.Tests.X12_214.X12Samples;

namespace Logistics.Adapters.Tests.X12_214;

/// <summary>Every sample gives exactly its expected NDJSON; every reject is rejected with its expected message.</summary>
public class X12ShipmentStatusSampleTests
{
    public static TheoryData<string> Samples() => new(Files(Folder));

    public static TheoryData<string> Rejects() => new(Files(Path.Combine(Folder, "rejects")).Select(f => Path.Combine("rejects", f)));

    static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".ndjson", StringComparison.Ordinal) && !f.EndsWith(".context.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void sample_translates_to_its_expected_events(string file)
    {
        var events = Assert.IsType<Translated>(Translate(file)).Events;
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, file + ".expected.ndjson")), CanonicalJson.ToNdjson(events));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.True(File.Exists(Path.Combine(Folder, file + ".source.txt")), "every sample says where it comes from");
    }

    [Theory]
    [MemberData(nameof(Rejects))]
    public void reject_is_rejected_with_a_clear_message(string file)
    {
        var rejected = Assert.IsType<Rejected>(Translate(file));
        Assert.False(Guard.IsFault(rejected), rejected.Rejection.Message);
        Assert.Contains(File.ReadAllText(Path.Combine(Folder, file + ".expected-rejection.txt")).Trim(), rejected.Rejection.Message);
    }
}
