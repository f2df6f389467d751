namespace Logistics.Adapters.Conformance;

/// <summary>One failed check: which check (<see cref="Checks"/>) and the explanation.</summary>
public sealed record Finding(string Check, string Message)
{
    public override string ToString() => $"{Check}: {Message}";
}

/// <summary>The names of the kit's checks, as they appear in reports.</summary>
public static class Checks
{
    public const string Layout = "layout";
    public const string Translation = "translation";
    public const string ExpectedOutput = "expected-output";
    public const string Schema = "schema";
    public const string Invariant = "invariant";
    public const string Determinism = "determinism";
    public const string Rejection = "rejection";
}

/// <summary>The verdict on one sample; it passes when nothing failed. Warnings never fail a sample.</summary>
public sealed record SampleReport(string Name, SampleKind Kind, IReadOnlyList<Finding> Failures)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>Events produced (translation samples).</summary>
    public int EventCount { get; init; }

    /// <summary>The rejection message the adapter gave (rejection samples, or a translation sample that was rejected).</summary>
    public string? RejectionMessage { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The verdict on one adapter: its folder-level checks and each sample.</summary>
public sealed record AdapterReport(string AdapterId, string? Folder, string? SamplesDirectory, IReadOnlyList<Finding> Failures, IReadOnlyList<SampleReport> Samples)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Passed => Failures.Count == 0 && Samples.All(s => s.Passed);

    public int TranslationSamples => Samples.Count(s => s.Kind == SampleKind.Translation);

    public int RejectionSamples => Samples.Count(s => s.Kind == SampleKind.Rejection);
}

/// <summary>The verdict on every adapter checked.</summary>
public sealed record ConformanceReport(IReadOnlyList<AdapterReport> Adapters, string SampleRootDescription)
{
    public bool Passed => Adapters.All(a => a.Passed);
}
