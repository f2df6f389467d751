using Logistics.Canonical.Events;

namespace Logistics.Canonical.Identifiers;

/// <summary>A GS1 Serial Shipping Container Code: 18 digits, the last a GS1 mod-10 check digit, e.g. <c>106141411928374657</c>.</summary>
public readonly record struct Sscc
{
    readonly string? _value;

    Sscc(string value) => _value = value;

    /// <summary>The normalised code: 18 digits, without application identifier or spaces.</summary>
    public string Value => _value ?? "";

    /// <summary>
    /// Parses an SSCC, with or without the GS1 application identifier (<c>(00)106141411928374657</c>,
    /// <c>00106141411928374657</c>) and spaces; on failure <paramref name="error"/> names what is wrong.
    /// </summary>
    public static bool TryParse(string? input, out Sscc value, out string error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input)) { error = "SSCC is empty"; return false; }
        var s = CheckDigits.Strip(input, " ");
        if (s.StartsWith("(00)", StringComparison.Ordinal)) s = s[4..];
        if (!CheckDigits.AllDigits(s)) { error = $"SSCC '{input.Trim()}' must be digits"; return false; }
        // 20 digits can only be the element string (AI 00 + SSCC) as printed under a GS1-128 barcode.
        if (s.Length == 20 && s.StartsWith("00", StringComparison.Ordinal)) s = s[2..];
        if (s.Length != 18) { error = $"SSCC has {s.Length} digits, 18 expected"; return false; }
        var expected = CheckDigits.Gs1Mod10(s.AsSpan(0, 17));
        var found = s[17] - '0';
        if (expected != found) { error = $"check digit {expected} expected, found {found}"; return false; }
        value = new Sscc(s);
        error = "";
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static Sscc Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException($"'{input}': {error}");

    /// <summary>The <c>sscc</c> reference of this code.</summary>
    public Reference ToReference() => new(RefSchemes.Sscc, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
