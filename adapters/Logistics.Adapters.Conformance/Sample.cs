using NodaTime;

namespace Logistics.Adapters.Conformance;

/// <summary>A translation sample (input + expected NDJSON) or a rejection sample (input + expected message substring).</summary>
public enum SampleKind
{
    Translation,
    Rejection,
}

/// <summary>
/// One sample of an adapter folder (docs/adapter-conventions.md). <see cref="Name"/> is the path below
/// <c>Samples/</c> with '/' separators (<c>transport-departure.json</c>, <c>rejects/truncated.json</c>).
/// </summary>
public sealed record Sample(string Name, SampleKind Kind, string InputPath)
{
    /// <summary>The expected NDJSON (translation samples).</summary>
    public string? ExpectedPath { get; init; }

    /// <summary>The expected rejection substring file (rejection samples).</summary>
    public string? ExpectedRejectionPath { get; init; }

    /// <summary>The optional <c>&lt;file&gt;.context.json</c>.</summary>
    public string? ContextPath { get; init; }

    /// <summary>The <c>&lt;file&gt;.source.txt</c> provenance note.</summary>
    public string? SourcePath { get; init; }

    public override string ToString() => Name;
}

/// <summary>The translation context a sample asks for (<c>&lt;file&gt;.context.json</c>); defaults when there is none.</summary>
public sealed record SampleContext(Instant ReceivedAt, string? Codec, string? Carrier, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The convention's default reception time when a sample has no context file.</summary>
    public static readonly Instant DefaultReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static SampleContext Default { get; } = new(DefaultReceivedAt, null, null, new Dictionary<string, string>());
}

/// <summary>What a <c>Samples/</c> folder holds, and what is wrong with its layout.</summary>
public sealed record SampleSet(string? Directory, IReadOnlyList<Sample> Samples, IReadOnlyList<string> LayoutProblems, IReadOnlyList<string> Warnings)
{
    public IEnumerable<Sample> Translations => Samples.Where(s => s.Kind == SampleKind.Translation);

    public IEnumerable<Sample> Rejections => Samples.Where(s => s.Kind == SampleKind.Rejection);
}
