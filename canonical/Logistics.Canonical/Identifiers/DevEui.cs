using Logistics.Canonical.Events;

namespace Logistics.Canonical.Identifiers;

/// <summary>A LoRaWAN DevEUI (an EUI-64): 16 hex digits, e.g. <c>70B3D57ED0001234</c>. It carries no check digit.</summary>
public readonly record struct DevEui
{
    readonly string? _value;

    DevEui(string value) => _value = value;

    /// <summary>The normalised EUI: 16 upper-case hex digits, no separators (the form network servers key devices by).</summary>
    public string Value => _value ?? "";

    /// <summary>
    /// Parses <c>70B3D57ED0001234</c>, <c>70-b3-d5-7e-d0-00-12-34</c> or <c>70:B3:D5:7E:D0:00:12:34</c>;
    /// on failure <paramref name="error"/> names what is wrong.
    /// </summary>
    public static bool TryParse(string? input, out DevEui value, out string error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input)) { error = "DevEUI is empty"; return false; }
        var s = CheckDigits.Strip(input, "-:");
        if (!CheckDigits.AllHex(s))
        {
            var bad = s.First(c => !char.IsAsciiHexDigit(c));
            error = $"DevEUI contains '{bad}', only hex digits and '-' or ':' separators are allowed";
            return false;
        }
        if (s.Length != 16) { error = $"DevEUI has {s.Length} hex digits, 16 expected"; return false; }
        value = new DevEui(s.ToUpperInvariant());
        error = "";
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static DevEui Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException($"'{input}': {error}");

    /// <summary>The <c>devEui</c> reference of this device.</summary>
    public Reference ToReference() => new(RefSchemes.DevEui, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
