using System.Diagnostics;
using System.Text;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>A crash or hang, with the input that caused it and its minimised form.</summary>
public sealed record FuzzFailure(string Kind, long InputIndex, string Mutation, string Message, byte[] Input, byte[] Minimised)
{
    public string Describe() =>
        $"{Kind} at input #{InputIndex} ({Mutation}): {Message}\n" +
        $"  minimised ({Minimised.Length} bytes): hex {Convert.ToHexString(Minimised)}\n" +
        $"  as text: {Printable(Minimised)}\n" +
        $"  original ({Input.Length} bytes): hex {Truncate(Convert.ToHexString(Input), 2048)}";

    static string Printable(byte[] b) => Truncate(new string(Encoding.UTF8.GetString(b).Select(c => char.IsControl(c) ? '·' : c).ToArray()), 300);

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}

/// <summary>What one target's fuzz run did: the ledger line the CI log keeps, and the failures.</summary>
public sealed record FuzzLedger(string Target, int Seed, int BaseSeed, TimeSpan Elapsed, long Inputs, long Rejections, long Translations,
    long Crashes, long Hangs, long SlowInputs, long SoftFindings, string? FirstSoftFinding, IReadOnlyList<FuzzFailure> Failures)
{
    /// <summary>No crash, no hang, and no translation of garbage that breaks an invariant (Guard rejects those).</summary>
    public bool Clean => Crashes == 0 && Hangs == 0 && SoftFindings == 0;

    public string Line =>
        $"fuzz {Target} seed {Seed} (FUZZ_SEED={BaseSeed}) {Elapsed.TotalSeconds:0.0} s: inputs {Inputs}, rejections {Rejections}, " +
        $"translations {Translations}, crashes {Crashes}, hangs {Hangs}" +
        (SlowInputs > 0 ? $", slow (hang not confirmed) {SlowInputs}" : "") +
        (SoftFindings > 0 ? $"; {SoftFindings} translation(s) broke an invariant, first: {FirstSoftFinding}" : "");
}

/// <summary>
/// The property-style fuzzer: for a time budget, mutated samples (and the samples themselves first) go through the
/// target on a <see cref="FuzzWorker"/>; an exception is a crash, no result within the hang timeout (confirmed once on
/// a fresh worker, so a loaded machine does not fake one) is a hang. Each new kind of crash is minimised.
/// </summary>
public static class FuzzRunner
{
    const int MaxFailuresKept = 5;

    public static FuzzLedger Run(FuzzTarget target, int baseSeed, TimeSpan budget, TimeSpan hangTimeout, IReadOnlyList<byte[]> spliceSources)
    {
        var seed = baseSeed ^ StableHash(target.Name);
        var random = new Random(seed);
        var mutator = new Mutator(random, target.Seeds, spliceSources);
        var worker = new FuzzWorker(target);
        var failures = new List<FuzzFailure>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        long inputs = 0, rejections = 0, translations = 0, crashes = 0, hangs = 0, slow = 0, soft = 0;
        string? firstSoft = null;
        var clock = Stopwatch.StartNew();

        try
        {
            for (var i = 0; i < target.Seeds.Count || clock.Elapsed < budget; i++)
            {
                var (input, mutation) = i < target.Seeds.Count ? (target.Seeds[i], "sample as is") : mutator.Next();
                var inputSeed = random.Next();
                inputs++;
                if (!worker.TryRun(input, inputSeed, hangTimeout, out var outcome))
                {
                    worker = new FuzzWorker(target);
                    if (worker.TryRun(input, inputSeed, hangTimeout, out outcome))
                    {
                        slow++;
                    }
                    else
                    {
                        hangs++;
                        worker = new FuzzWorker(target);
                        if (failures.Count < MaxFailuresKept)
                            failures.Add(new FuzzFailure("hang", inputs, mutation, outcome.Problem!, input, input));
                        continue;
                    }
                }
                switch (outcome.Kind)
                {
                    case FuzzResultKind.Rejected:
                        rejections++;
                        break;
                    case FuzzResultKind.Translated:
                        translations++;
                        break;
                    case FuzzResultKind.Crashed:
                        crashes++;
                        var signature = Signature(outcome.Problem!);
                        if (signatures.Add(signature) && failures.Count < MaxFailuresKept)
                        {
                            var minimised = Minimise(target, input, inputSeed, signature, hangTimeout, ref worker);
                            failures.Add(new FuzzFailure("crash", inputs, mutation, outcome.Problem!, input, minimised));
                        }
                        break;
                }
                if (outcome.Kind != FuzzResultKind.Crashed && outcome.Problem is not null)
                {
                    soft++;
                    firstSoft ??= $"{outcome.Problem} [input #{inputs}, hex {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 64)))}…]";
                }
            }
        }
        finally
        {
            worker.Dispose();
        }
        return new FuzzLedger(target.Name, seed, baseSeed, clock.Elapsed, inputs, rejections, translations, crashes, hangs, slow, soft, firstSoft, failures);
    }

    /// <summary>
    /// Removes chunks (halves, quarters, … single bytes) while the input still crashes the same way: what remains is
    /// what the adapter author needs to look at. Bounded, so a slow target cannot stall the run.
    /// </summary>
    static byte[] Minimise(FuzzTarget target, byte[] input, int inputSeed, string signature, TimeSpan hangTimeout, ref FuzzWorker worker)
    {
        var current = input;
        var attempts = 0;
        var clock = Stopwatch.StartNew();
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && attempts < 4000 && clock.Elapsed < TimeSpan.FromSeconds(5); chunk /= 2)
        {
            for (var start = 0; start < current.Length && attempts < 4000;)
            {
                var length = Math.Min(chunk, current.Length - start);
                byte[] candidate = [.. current.AsSpan(0, start), .. current.AsSpan(start + length)];
                attempts++;
                if (!worker.TryRun(candidate, inputSeed, hangTimeout, out var outcome))
                {
                    worker = new FuzzWorker(target);
                    start += length;
                    continue;
                }
                if (outcome.Kind == FuzzResultKind.Crashed && Signature(outcome.Problem!) == signature)
                    current = candidate;
                else
                    start += length;
            }
        }
        return current;
    }

    /// <summary>The exception type: one entry per kind of crash, however its message varies with the input.</summary>
    static string Signature(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? problem[..colon] : problem;
    }

    /// <summary>FNV-1a: stable across processes (string.GetHashCode is randomised per process).</summary>
    public static int StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h ^= c;
            h *= 16777619u;
        }
        return (int)(h & 0x7FFFFFFF);
    }
}
