using System.Globalization;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Gxp.Reports;

/// <summary>
/// The one place figures become text: JSON, CSV and PDF print the same strings, so an accurate copy carries
/// the same figures (Part 11 §11.10(b)). Temperatures and minutes to 0.01, percentages to 0.1, half away from zero.
/// </summary>
public static class GxpFormat
{
    /// <summary>Temperature in °C, two decimals.</summary>
    public static string Celsius(double value) => Fixed(value, 2);

    /// <summary>Duration in minutes, two decimals.</summary>
    public static string Minutes(double value) => Fixed(value, 2);

    /// <summary>Percentage, one decimal.</summary>
    public static string Percent(double value) => Fixed(value, 1);

    /// <summary>ISO-8601 UTC instant ending in 'Z' (fractional seconds only when present).</summary>
    public static string Time(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>A profile number (limits, delays) as written in the profile.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Wire name of a verdict.</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Incomplete => "incomplete",
        _ => "alarm",
    };

    /// <summary>"above 8" / "below 2" as the report states a limit.</summary>
    public static string Limit(ZoneDirection direction, double limit) => $"{ProfileJson.Name(direction)} {Number(limit)} °C";

    static string Fixed(double value, int decimals)
    {
        // + 0.0 turns −0 into 0: "-0.00" in a QA report would raise a question nobody needs.
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0;
        return rounded.ToString(decimals == 2 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
    }
}
