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

    /// <summary>The value in its type's canonical unit (temperature → CEL); <paramref name="unit"/> must be a Rec 20 code.</summary>
    public static Quantity ToCanonical(string measurementType, double value, string unit) =>
        measurementType == "temperature" ? new Quantity(ToCelsius(value, unit), "CEL") : new Quantity(value, unit);

    /// <summary>A CEL, FAH or KEL value in Celsius, rounded to 1e-6; any other unit throws <see cref="ArgumentException"/>.</summary>
    public static double ToCelsius(double value, string unit) => unit switch
    {
        "CEL" => value,
        "FAH" => Math.Round((value - 32.0) * 5.0 / 9.0, CanonicalDecimals),
        "KEL" => Math.Round(value - 273.15, CanonicalDecimals),
        _ => throw new ArgumentException($"'{unit}' is not a temperature unit (CEL, FAH, KEL)", nameof(unit)),
    };

    /// <summary>Whether <paramref name="unit"/> is CEL, FAH or KEL.</summary>
    public static bool IsTemperatureUnit(string unit) => unit is "CEL" or "FAH" or "KEL";

    /// <summary>
    /// Like <see cref="ToCanonical"/>, but takes the unit as the source wrote it (<c>°F</c>, <c>%RH</c>, a Rec 20 code),
    /// and reports instead of throwing. <paramref name="originalUnit"/> is the Rec 20 code of what the source wrote,
    /// for the event's <c>originalUnit</c>. False, with <paramref name="error"/>, for an unknown spelling or a
    /// temperature in a non-temperature unit.
    /// </summary>
    public static bool TryToCanonical(string measurementType, double value, string sourceUnit,
        out Quantity canonical, out string originalUnit, out string error)
    {
        canonical = default;
        originalUnit = "";
        var code = Rec20.FromSourceSpelling(sourceUnit);
        if (code is null) { error = $"unit '{sourceUnit}' is not a known UN/CEFACT Rec 20 unit or spelling"; return false; }
        if (measurementType == "temperature" && !IsTemperatureUnit(code))
        {
            error = $"unit '{sourceUnit}' ({code}) is not a temperature unit (CEL, FAH, KEL)";
            return false;
        }
        canonical = ToCanonical(measurementType, value, code);
        originalUnit = code;
        error = "";
        return true;
    }
}
