namespace Logistics.Canonical.Units;

/// <summary>One UN/CEFACT Recommendation 20 unit: its common code, its name and the quantity it measures.</summary>
public sealed record Rec20Unit(string Code, string Name, string Quantity);

/// <summary>
/// The UN/CEFACT Rec 20 units our measurements use (CANONICAL.md: the <c>unit</c> of a measurement is a Rec 20 code),
/// and the mapping from the spellings sources actually write (<c>°C</c>, <c>%RH</c>, <c>hPa</c>) to those codes.
/// </summary>
public static class Rec20
{
    /// <summary>Degree Celsius: the canonical temperature unit.</summary>
    public const string Celsius = "CEL";
    /// <summary>Degree Fahrenheit.</summary>
    public const string Fahrenheit = "FAH";
    /// <summary>Kelvin.</summary>
    public const string Kelvin = "KEL";
    /// <summary>Percent (relative humidity, battery level, O2 concentration).</summary>
    public const string Percent = "P1";
    /// <summary>Lux (illuminance).</summary>
    public const string Lux = "LUX";
    /// <summary>Pascal.</summary>
    public const string Pascal = "PAL";
    /// <summary>Hectopascal (Rec 20 has no <c>HPA</c>; the code is <c>A97</c>).</summary>
    public const string Hectopascal = "A97";
    /// <summary>Kilopascal.</summary>
    public const string Kilopascal = "KPA";
    /// <summary>Bar.</summary>
    public const string Bar = "BAR";
    /// <summary>Millibar (numerically equal to the hectopascal, kept as written).</summary>
    public const string Millibar = "MBR";
    /// <summary>Part per million (CO2 concentration).</summary>
    public const string PartPerMillion = "59";
    /// <summary>Volt (battery voltage).</summary>
    public const string Volt = "VLT";
    /// <summary>Millivolt.</summary>
    public const string Millivolt = "2Z";
    /// <summary>"One": a unitless count or ratio.</summary>
    public const string One = "C62";
    /// <summary>Standard acceleration of free fall, gₙ (shock in g).</summary>
    public const string StandardGravity = "K40";
    /// <summary>Metre per second squared.</summary>
    public const string MetrePerSecondSquared = "MSK";

    /// <summary>The units we know, by code.</summary>
    public static readonly IReadOnlyDictionary<string, Rec20Unit> Units = new[]
    {
        new Rec20Unit(Celsius, "degree Celsius", "temperature"),
        new Rec20Unit(Fahrenheit, "degree Fahrenheit", "temperature"),
        new Rec20Unit(Kelvin, "kelvin", "temperature"),
        new Rec20Unit(Percent, "percent", "dimensionless ratio"),
        new Rec20Unit(Lux, "lux", "illuminance"),
        new Rec20Unit(Pascal, "pascal", "pressure"),
        new Rec20Unit(Hectopascal, "hectopascal", "pressure"),
        new Rec20Unit(Kilopascal, "kilopascal", "pressure"),
        new Rec20Unit(Bar, "bar [unit of pressure]", "pressure"),
        new Rec20Unit(Millibar, "millibar", "pressure"),
        new Rec20Unit(PartPerMillion, "part per million", "dimensionless ratio"),
        new Rec20Unit("61", "part per billion (US)", "dimensionless ratio"),
        new Rec20Unit(Volt, "volt", "electric potential"),
        new Rec20Unit(Millivolt, "millivolt", "electric potential"),
        new Rec20Unit("AMP", "ampere", "electric current"),
        new Rec20Unit("4K", "milliampere", "electric current"),
        new Rec20Unit(One, "one", "dimensionless"),
        new Rec20Unit(StandardGravity, "standard acceleration of free fall", "acceleration"),
        new Rec20Unit(MetrePerSecondSquared, "metre per second squared", "acceleration"),
        new Rec20Unit("MTR", "metre", "length"),
        new Rec20Unit("KMH", "kilometre per hour", "velocity"),
        new Rec20Unit("DD", "degree [unit of angle]", "angle"),
        new Rec20Unit("SEC", "second [unit of time]", "time"),
    }.ToDictionary(u => u.Code, StringComparer.Ordinal);

    // Exact spellings first; the case-insensitive fallback only for spellings of 3+ characters, because in short
    // ones case carries meaning (mV millivolt vs MV megavolt, mb millibar vs MB megabyte).
    static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["°C"] = Celsius, ["ºC"] = Celsius, ["℃"] = Celsius, ["C"] = Celsius, ["Celsius"] = Celsius, ["degC"] = Celsius,
        ["deg C"] = Celsius, ["degrees Celsius"] = Celsius, ["Cel"] = Celsius,
        ["°F"] = Fahrenheit, ["ºF"] = Fahrenheit, ["℉"] = Fahrenheit, ["F"] = Fahrenheit, ["Fahrenheit"] = Fahrenheit,
        ["degF"] = Fahrenheit, ["deg F"] = Fahrenheit, ["degrees Fahrenheit"] = Fahrenheit,
        ["K"] = Kelvin, ["Kelvin"] = Kelvin,
        ["%"] = Percent, ["%RH"] = Percent, ["% RH"] = Percent, ["RH%"] = Percent, ["percent"] = Percent, ["pct"] = Percent,
        ["lx"] = Lux, ["lux"] = Lux,
        ["Pa"] = Pascal, ["hPa"] = Hectopascal, ["kPa"] = Kilopascal, ["bar"] = Bar, ["mbar"] = Millibar, ["mb"] = Millibar,
        ["ppm"] = PartPerMillion, ["ppb"] = "61",
        ["V"] = Volt, ["mV"] = Millivolt, ["A"] = "AMP", ["mA"] = "4K",
        ["g"] = StandardGravity, ["G"] = StandardGravity, ["gn"] = StandardGravity, ["m/s²"] = MetrePerSecondSquared,
        ["m/s2"] = MetrePerSecondSquared,
        ["m"] = "MTR", ["km/h"] = "KMH", ["kph"] = "KMH", ["°"] = "DD", ["deg"] = "DD", ["s"] = "SEC",
    };

    static readonly Dictionary<string, string> SpellingsIgnoringCase = Spellings
        .Where(kv => kv.Key.Length >= 3)
        .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="code"/> is a Rec 20 code of this table (codes are case-sensitive).</summary>
    public static bool IsKnown(string? code) => code is not null && Units.ContainsKey(code);

    /// <summary>The unit of a known code, or null.</summary>
    public static Rec20Unit? Find(string? code) => code is not null && Units.TryGetValue(code, out var u) ? u : null;

    /// <summary>
    /// The Rec 20 code for a spelling a source writes (<c>°C</c>, <c>degC</c>, <c>%RH</c>, <c>hPa</c>, <c>mV</c>, <c>g</c>),
    /// or the code itself when <paramref name="spelling"/> already is one; null when unknown.
    /// In sensor payloads <c>g</c> is acceleration (shock), never gram.
    /// </summary>
    public static string? FromSourceSpelling(string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling)) return null;
        var s = spelling.Trim();
        if (Units.ContainsKey(s)) return s;
        if (Spellings.TryGetValue(s, out var code)) return code;
        return SpellingsIgnoringCase.TryGetValue(s, out code) ? code : null;
    }
}
