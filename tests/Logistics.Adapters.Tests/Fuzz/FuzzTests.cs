using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Xunit.Abstractions;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>
/// G8: a malformed payload never crashes the pipeline. Every adapter and every codec of the registry is fuzzed for
/// <c>FUZZ_SECONDS</c> (default 5 s) from its real samples; any exception reaching Guard (or escaping a codec) and any
/// input running longer than the hang timeout fails the test, with the minimised input in hex and the seed to replay it.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    static readonly Lazy<IReadOnlyList<FuzzTarget>> Targets = new(() => FuzzTarget.All(AdapterRegistry.Default, SampleRoot.BuildOutput()));

    /// <summary>Every sample of every target: splicing crosses formats (JSON into EDI, SBD into JSON).</summary>
    static readonly Lazy<IReadOnlyList<byte[]>> AllSeeds = new(() => Targets.Value.SelectMany(t => t.Seeds).ToList());

    public static TheoryData<string> TargetNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in Targets.Value) data.Add(t.Name);
        if (data.Count == 0) data.Add("(none)");
        return data;
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void no_input_crashes_or_hangs(string target)
    {
        if (target == "(none)")
        {
            Assert.Empty(AdapterRegistry.Default.Adapters);
            return;
        }
        var ledger = FuzzRunner.Run(Targets.Value.Single(t => t.Name == target), FuzzSettings.BaseSeed, FuzzSettings.Budget,
            FuzzSettings.HangTimeout, AllSeeds.Value);

        output.WriteLine(ledger.Line);
        if (FuzzSettings.LedgerFile is { } file)
        {
            lock (Targets) File.AppendAllText(file, ledger.Line + "\n");
        }
        Assert.True(ledger.Clean, $"{ledger.Line}\n{string.Join("\n", ledger.Failures.Select(f => f.Describe()))}");
        Assert.True(ledger.Inputs > ledger.Crashes + ledger.Hangs, "the fuzzer ran no input");
    }
}
