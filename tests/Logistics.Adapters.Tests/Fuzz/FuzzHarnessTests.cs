using System.Text;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>The fuzzer checked against itself: it finds a planted crash and minimises it, detects a hang, and replays.</summary>
public sealed class FuzzHarnessTests
{
    static readonly byte[][] Seeds = [Encoding.UTF8.GetBytes("""{"id":"ABC123","status":"DEP","at":"2025-03-01T10:00:00Z"}""")];

    /// <summary>Throws on any '#' in the input: an unchecked index, reached by bit flips ('"' is one bit from '#').</summary>
    sealed class PlantedBugAdapter : IAdapter
    {
        public AdapterInfo Info { get; } = new("planted", AdapterFamilies.Road, [], InboundModes.File, "test");

        public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
        {
            if (raw.Span.IndexOf((byte)'#') >= 0) _ = raw.Span[raw.Length];
            return TranslationResult.Reject("$", "nothing");
        }
    }

    sealed class HangingAdapter : IAdapter
    {
        public AdapterInfo Info { get; } = new("hangs", AdapterFamilies.Road, [], InboundModes.File, "test");

        public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
        {
            if (raw.Length < Seeds[0].Length) Thread.Sleep(Timeout.Infinite);
            return TranslationResult.Reject("$", "nothing");
        }
    }

    sealed class CleanAdapter : IAdapter
    {
        public AdapterInfo Info { get; } = new("clean", AdapterFamilies.Road, [], InboundModes.File, "test");

        public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context) =>
            raw.Length % 2 == 0 ? TranslationResult.Reject("byte 0", "odd length") : TranslationResult.Of(Array.Empty<CanonicalEvent>());
    }

    static FuzzLedger Fuzz(IAdapter adapter, double seconds = 1, int seed = 7) =>
        FuzzRunner.Run(FuzzTarget.ForAdapter(adapter, Seeds, []), seed, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(300), Seeds);

    [Fact]
    public void a_planted_crash_is_found_and_minimised()
    {
        var ledger = Fuzz(new PlantedBugAdapter());

        Assert.False(ledger.Clean);
        Assert.True(ledger.Crashes > 0);
        var failure = Assert.Single(ledger.Failures);
        Assert.StartsWith("IndexOutOfRangeException", failure.Message, StringComparison.Ordinal);
        Assert.Equal("#"u8.ToArray(), failure.Minimised);
        Assert.Contains("minimised", failure.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void an_input_that_never_returns_is_a_hang()
    {
        var ledger = Fuzz(new HangingAdapter(), seconds: 0.5);

        Assert.True(ledger.Hangs > 0, ledger.Line);
        Assert.Contains(ledger.Failures, f => f.Kind == "hang");
    }

    [Fact]
    public void a_clean_adapter_has_a_clean_ledger_counting_both_outcomes()
    {
        var ledger = Fuzz(new CleanAdapter(), seconds: 0.3);

        Assert.True(ledger.Clean, ledger.Line);
        Assert.True(ledger.Rejections > 0 && ledger.Translations > 0, ledger.Line);
        Assert.Equal(ledger.Inputs, ledger.Rejections + ledger.Translations);
        Assert.Matches(@"^fuzz adapter:clean seed \d+ \(FUZZ_SEED=7\) [\d.]+ s: inputs \d+, rejections \d+, translations \d+, crashes 0, hangs 0$", ledger.Line);
    }

    [Fact]
    public void the_same_seed_gives_the_same_inputs()
    {
        static List<string> First(int seed)
        {
            var random = new Random(seed);
            var m = new Mutator(random, Seeds, Seeds);
            return Enumerable.Range(0, 200).Select(_ => Convert.ToHexString(m.Next().Input)).ToList();
        }
        Assert.Equal(First(42), First(42));
        Assert.NotEqual(First(42), First(43));
    }

    [Fact]
    public void json_mutations_keep_the_input_valid_json()
    {
        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(JsonMutations.TryMutate(Seeds[0], random, out var output, out var name));
            if (name == "json-deep-nesting") continue; // deeper than the default reader allows, on purpose
            using var _ = System.Text.Json.JsonDocument.Parse(output);
        }
    }
}
