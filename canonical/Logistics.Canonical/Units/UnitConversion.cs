namespace Logistics.Canonical.Units;

/// <summary>A value in a UN/CEFACT Rec 20 unit.</summary>
public readonly record struct Quantity(double Value, string Unit);

/// <summary>
/// Converts a source value to the canonical unit of its measurement type: temperatures to Celsius (CEL);
/// other types keep their Rec 20 unit. The original value and unit are always kept on the event by the caller.
/// </summary>
public static class UnitConversion
{
    /// <summary>Canonical values are rounded to 1e-6 so that F→C arithmetic noise never reaches ids or reports.</summary>
    const int CanonicalDecimals = 6;

    public static Quantity ToCanonical(string measurementType, double value, string unit) =>
        measurementType == "temperature" ? new Quantity(ToCelsius(value, unit), "CEL") : new Quantity(value, unit);

    public static double ToCelsius(double value, string unit) => unit switch
    {
        "CEL" => value,
        "FAH" => Math.Round((value - 32.0) * 5.0 / 9.0, CanonicalDecimals),
        "KEL" => Math.Round(value - 273.15, CanonicalDecimals),
        _ => throw new ArgumentException($"'{unit}' is not a temperature unit (CEL, FAH, KEL)", nameof(unit)),
    };

    public static bool IsTemperatureUnit(string unit) => unit is "CEL" or "FAH" or "KEL";
}
