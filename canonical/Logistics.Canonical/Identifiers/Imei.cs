using Logistics.Canonical.Events;

namespace Logistics.Canonical.Identifiers;

/// <summary>A mobile equipment identity (IMEI): 15 digits, the last a Luhn check digit, e.g. <c>490154203237518</c>.</summary>
public readonly record struct Imei
{
    readonly string? _value;

    Imei(string value) => _value = value;

    /// <summary>The normalised IMEI: 15 digits, no separators.</summary>
    public string Value => _value ?? "";

    /// <summary>The 8-digit type allocation code (device model).</summary>
    public string TypeAllocationCode => Value.Length == 15 ? Value[..8] : "";

    /// <summary>
    /// Parses an IMEI written plain or grouped (<c>49-015420-323751-8</c>, spaces or slashes);
    /// on failure <paramref name="error"/> names what is wrong.
    /// </summary>
    public static bool TryParse(string? input, out Imei value, out string error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input)) { error = "IMEI is empty"; return false; }
        var s = CheckDigits.Strip(input, " -/");
        if (!CheckDigits.AllDigits(s)) { error = $"IMEI '{input.Trim()}' must be digits"; return false; }
        if (s.Length != 15)
        {
            // A 16-digit IMEISV carries a software version instead of a check digit: it cannot be checked.
            error = s.Length == 16
                ? "IMEI has 16 digits (an IMEISV?), 15 expected"
                : $"IMEI has {s.Length} digits, 15 expected";
            return false;
        }
        var expected = CheckDigits.Luhn(s.AsSpan(0, 14));
        var found = s[14] - '0';
        if (expected != found) { error = $"check digit {expected} expected, found {found}"; return false; }
        value = new Imei(s);
        error = "";
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static Imei Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException($"'{input}': {error}");

    /// <summary>The <c>imei</c> reference of this device.</summary>
    public Reference ToReference() => new(RefSchemes.Imei, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
