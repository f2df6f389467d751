using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>What one fuzz input did: translated (decoded), rejected (a codec error), or crashed (an exception escaped).</summary>
public enum FuzzResultKind
{
    Translated,
    Rejected,
    Crashed,
}

/// <summary>The outcome of one input; <see cref="Problem"/> is a crash message, or a soft finding (an invariant) on a translation.</summary>
public sealed record FuzzOutcome(FuzzResultKind Kind, string? Problem = null)
{
    public static readonly FuzzOutcome Rejected = new(FuzzResultKind.Rejected);
    public static readonly FuzzOutcome Translated = new(FuzzResultKind.Translated);
}

/// <summary>
/// Something to fuzz: an adapter (through <see cref="Guard"/>, where a fault is a crash) or a payload codec (called
/// directly; any exception is a crash). <see cref="Seeds"/> are the real samples mutations start from.
/// </summary>
public sealed class FuzzTarget(string name, IReadOnlyList<byte[]> seeds, Func<byte[], Random, FuzzOutcome> run)
{
    public string Name { get; } = name;

    public IReadOnlyList<byte[]> Seeds { get; } = seeds;

    /// <summary>Runs one input; the random source picks per-input choices (a sample's context, a LoRaWAN port).</summary>
    public FuzzOutcome Run(byte[] input, Random random) => run(input, random);

    public override string ToString() => Name;

    /// <summary>Every adapter and codec of the registry, named <c>adapter:ID</c> / <c>codec:ID</c>.</summary>
    public static IReadOnlyList<FuzzTarget> All(AdapterRegistry registry, SampleRoot root)
    {
        var targets = new List<FuzzTarget>();
        foreach (var adapter in registry.Adapters)
        {
            var samples = SeedHarvest.AdapterSamples(adapter, root);
            targets.Add(ForAdapter(adapter, samples.Select(s => s.Raw).ToList(), samples.Select(s => s.Context).Distinct().ToList()));
        }
        foreach (var codec in registry.Codecs)
            targets.Add(ForCodec(codec, SeedHarvest.CodecSeeds(codec, registry, root)));
        return targets;
    }

    /// <summary>An adapter target; each input is translated with the context of a randomly chosen sample.</summary>
    public static FuzzTarget ForAdapter(IAdapter adapter, IReadOnlyList<byte[]> seeds, IReadOnlyList<SampleContext> contexts)
    {
        var choices = contexts.Count > 0 ? contexts : [SampleContext.Default];
        return new FuzzTarget($"adapter:{adapter.Info.Id}", seeds, (input, random) =>
        {
            var sc = choices[random.Next(choices.Count)];
            var context = TranslationContext.For(adapter.Info.Id, input, sc.ReceivedAt) with { CodecId = sc.Codec, Carrier = sc.Carrier, Headers = sc.Headers };
            return Guard.Translate(adapter, input, context) switch
            {
                Rejected r when Guard.IsFault(r) => new FuzzOutcome(FuzzResultKind.Crashed, r.Rejection.Found ?? r.Rejection.Message),
                Rejected => FuzzOutcome.Rejected,
                Translated t => Inspect(adapter.Info.Id, context, t.Events),
                _ => throw new InvalidOperationException("unreachable"),
            };
        });
    }

    static readonly int?[] Ports = [null, 1, 2, 3, 5, 10, 85, 100, 223, 224, 255];

    /// <summary>A codec target; the LoRaWAN port is drawn from common ones and the edges.</summary>
    public static FuzzTarget ForCodec(IPayloadCodec codec, IReadOnlyList<byte[]> seeds) =>
        new($"codec:{codec.Id}", seeds, (input, random) =>
        {
            var port = Ports[random.Next(Ports.Length)];
            try
            {
                return codec.Decode(input, port) switch
                {
                    CodecError e when e.ByteOffset < 0 || e.ByteOffset > input.Length =>
                        new FuzzOutcome(FuzzResultKind.Rejected, $"error offset {e.ByteOffset} outside a {input.Length}-byte payload"),
                    CodecError => FuzzOutcome.Rejected,
                    _ => FuzzOutcome.Translated,
                };
            }
            catch (Exception ex)
            {
                return new FuzzOutcome(FuzzResultKind.Crashed, $"{ex.GetType().Name}: {ex.Message}");
            }
        });

    /// <summary>A translation of garbage must still hold the shared invariants: Guard rejects one that does not, so any finding here fails the run.</summary>
    static FuzzOutcome Inspect(string adapterId, TranslationContext context, IReadOnlyList<CanonicalEvent> events)
    {
        foreach (var e in events)
        {
            var v = EventInvariants.Check(e, adapterId, context.ReceivedAt);
            if (v.Count > 0) return new FuzzOutcome(FuzzResultKind.Translated, v[0]);
        }
        var dup = EventInvariants.CheckSet(events);
        return dup.Count > 0 ? new FuzzOutcome(FuzzResultKind.Translated, dup[0]) : FuzzOutcome.Translated;
    }
}
