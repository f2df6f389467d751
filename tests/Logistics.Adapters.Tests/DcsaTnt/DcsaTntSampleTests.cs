using System.Text.Json;
using Logistics.Adapters.Sdk;
using static Logistics.Adapters.Tests.DcsaTnt.DcsaSamples;

namespace Logistics.Adapters.Tests.DcsaTnt;

/// <summary>Every sample gives exactly its expected NDJSON; every reject is rejected with its expected message.</summary>
public class DcsaTntSampleTests
{
    public static TheoryData<string> Samples() => new(SampleFiles(Folder));

    public static TheoryData<string> Rejects() => new(SampleFiles(Path.Combine(Folder, "rejects")).Select(f => Path.Combine("rejects", f)));

    internal static IEnumerable<string> SampleFiles(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".ndjson", StringComparison.Ordinal) && !f.EndsWith(".context.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void sample_translates_to_its_expected_events(string file)
    {
        var (carrier, receivedAt) = Context(file);
        var events = Events(file, carrier, receivedAt);
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, file + ".expected.ndjson")), Ndjson(events));
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

    static (string? Carrier, string ReceivedAt) Context(string file)
    {
        var path = Path.Combine(Folder, file + ".context.json");
        if (!File.Exists(path)) return (null, "2026-01-01T00:00:00Z");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        return (root.TryGetProperty("carrier", out var c) ? c.GetString() : null,
            root.TryGetProperty("receivedAt", out var r) ? r.GetString()! : "2026-01-01T00:00:00Z");
    }
}
