using Logistics.Canonical.Events;

namespace Logistics.Canonical.Identifiers;

/// <summary>
/// An ISO 6346 freight container number, e.g. <c>CSQU3054383</c>: a 3-letter owner code, an equipment category
/// (U container, J detachable equipment, Z trailer or chassis), a 6-digit serial and a check digit.
/// </summary>
public readonly record struct ContainerNumber
{
    readonly string? _value;

    ContainerNumber(string value) => _value = value;

    /// <summary>The normalised number: 11 characters, upper case, no spaces or separators.</summary>
    public string Value => _value ?? "";

    /// <summary>The 3-letter owner code (BIC code without the category), e.g. <c>CSQ</c>.</summary>
    public string OwnerCode => Value.Length == 11 ? Value[..3] : "";

    /// <summary>The equipment category identifier: U, J or Z.</summary>
    public char Category => Value.Length == 11 ? Value[3] : '\0';

    /// <summary>
    /// Parses a container number written with or without spaces and dashes (<c>CSQU 305438 3</c>, <c>csqu-305438-3</c>).
    /// On failure <paramref name="error"/> names what is wrong.
    /// </summary>
    public static bool TryParse(string? input, out ContainerNumber value, out string error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input)) { error = "container number is empty"; return false; }
        var s = CheckDigits.Strip(input, " -").ToUpperInvariant();
        if (s.Length != 11) { error = $"container number has {s.Length} characters, 11 expected (owner code, category, 6 digits, check digit)"; return false; }
        for (var i = 0; i < 3; i++)
        {
            if (s[i] is < 'A' or > 'Z') { error = $"owner code '{s[..3]}' must be 3 letters"; return false; }
        }
        if (s[3] is not ('U' or 'J' or 'Z')) { error = $"category '{s[3]}' is not U, J or Z"; return false; }
        if (!CheckDigits.AllDigits(s.AsSpan(4))) { error = $"serial and check digit '{s[4..]}' must be 7 digits"; return false; }
        var expected = CheckDigits.Iso6346(s.AsSpan(0, 10));
        var found = s[10] - '0';
        if (expected != found) { error = $"check digit {expected} expected, found {found}"; return false; }
        value = new ContainerNumber(s);
        error = "";
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static ContainerNumber Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException($"'{input}': {error}");

    /// <summary>The <c>container</c> reference of this number.</summary>
    public Reference ToReference() => new(RefSchemes.Container, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
