using Logistics.Canonical.Events;

namespace Logistics.Adapters.Sdk;

/// <summary>Either canonical events, or a rejection: errors are data, never exceptions.</summary>
public abstract record TranslationResult
{
    public static TranslationResult Of(IReadOnlyList<CanonicalEvent> events) => new Translated(events);

    public static TranslationResult Reject(string position, string expected, string? found = null) =>
        new Rejected(new Rejection(position, expected, found));
}

public sealed record Translated(IReadOnlyList<CanonicalEvent> Events) : TranslationResult;

public sealed record Rejected(Rejection Rejection) : TranslationResult;

/// <summary>
/// Why an input could not be translated: the position in the input (a JSON path, "byte 17", "segment 4 (AT7)")
/// and what was expected there. <see cref="Message"/> is the one line the CLI prints and the quarantine keeps.
/// </summary>
public sealed record Rejection(string Position, string Expected, string? Found)
{
    public string Message => Found is null
        ? $"at {Position}: expected {Expected}"
        : $"at {Position}: expected {Expected}, found {Found}";

    public override string ToString() => Message;
}
