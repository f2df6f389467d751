using Logistics.Canonical.Events;

namespace Logistics.Canonical.Identifiers;

/// <summary>
/// An IATA air waybill number: a 3-digit airline prefix and an 8-digit serial whose last digit is the first seven
/// serial digits mod 7, e.g. <c>176-12345675</c>.
/// </summary>
public readonly record struct AirWaybillNumber
{
    readonly string? _value;

    AirWaybillNumber(string value) => _value = value;

    /// <summary>The normalised number, <c>PPP-SSSSSSSS</c> (the form air waybills and FSU messages print).</summary>
    public string Value => _value ?? "";

    /// <summary>The 3-digit airline prefix, e.g. <c>176</c> (Emirates).</summary>
    public string Prefix => Value.Length == 12 ? Value[..3] : "";

    /// <summary>The 8-digit serial including its check digit.</summary>
    public string Serial => Value.Length == 12 ? Value[4..] : "";

    /// <summary>Parses <c>176-12345675</c>, <c>17612345675</c> or <c>176 1234 5675</c>; on failure <paramref name="error"/> names what is wrong.</summary>
    public static bool TryParse(string? input, out AirWaybillNumber value, out string error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input)) { error = "air waybill number is empty"; return false; }
        var s = CheckDigits.Strip(input, " -");
        if (!CheckDigits.AllDigits(s)) { error = $"air waybill number '{input.Trim()}' must be digits (prefix and serial)"; return false; }
        if (s.Length != 11) { error = $"air waybill number has {s.Length} digits, 11 expected (3-digit prefix, 8-digit serial)"; return false; }
        var expected = int.Parse(s.AsSpan(3, 7), provider: System.Globalization.CultureInfo.InvariantCulture) % 7;
        var found = s[10] - '0';
        if (expected != found) { error = $"check digit {expected} expected, found {found}"; return false; }
        value = new AirWaybillNumber($"{s[..3]}-{s[3..]}");
        error = "";
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static AirWaybillNumber Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException($"'{input}': {error}");

    /// <summary>The <c>awb</c> reference of this number.</summary>
    public Reference ToReference() => new(RefSchemes.Awb, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
