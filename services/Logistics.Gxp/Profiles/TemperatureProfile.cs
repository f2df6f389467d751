namespace Logistics.Gxp.Profiles;

/// <summary>
/// The rules a shipment is judged by (GXP.md "Temperature profile"). Immutable; build it with
/// <see cref="ProfileParser"/> so that every field has been validated.
/// </summary>
/// <param name="Name">Human name, e.g. "2-8 °C controlled cold".</param>
/// <param name="Version">The exact version the report names (GXP.md: profiles are versioned).</param>
/// <param name="LoggingIntervalMinutes">Expected interval between readings; drives the gap rule and completeness.</param>
/// <param name="IgnoreStartMinutes">Time after the first reading excluded from the evaluation (pre-conditioning, loading).</param>
/// <param name="IgnoreEndMinutes">Time before the end of the record excluded from the evaluation (unloading).</param>
/// <param name="Zones">Excursion zones, in the order the profile lists them.</param>
/// <param name="Mkt">Mean kinetic temperature rule, or null when the profile sets none.</param>
/// <param name="StabilityBudget">Allowed time outside the labelled range by band, or null.</param>
/// <param name="Description">Free text shown in the report (e.g. the source of the label).</param>
public sealed record TemperatureProfile(
    string Name,
    string Version,
    double LoggingIntervalMinutes,
    double IgnoreStartMinutes,
    double IgnoreEndMinutes,
    IReadOnlyList<ExcursionZone> Zones,
    MktRule? Mkt,
    StabilityBudget? StabilityBudget,
    string? Description = null)
{
    /// <summary>GXP.md: a frozen profile has all its limits below 0 °C; MKT is then not applicable.</summary>
    public bool IsFrozen => Zones.Count > 0 && Zones.All(z => z.LimitCelsius < 0);
}

/// <summary>Which side of the limit is out of range.</summary>
public enum ZoneDirection
{
    /// <summary>Out of range when value &gt; limit.</summary>
    Above,
    /// <summary>Out of range when value &lt; limit.</summary>
    Below,
}

/// <summary>How out-of-range time of a zone is compared with its delay.</summary>
public enum ZoneMode
{
    /// <summary>One continuous excursion longer than the delay triggers.</summary>
    Single,
    /// <summary>The summed out-of-range time of the zone (never reset) longer than the delay triggers.</summary>
    Cumulative,
}

/// <summary>What a triggered zone means for the verdict.</summary>
public enum Severity
{
    /// <summary>Drives the verdict to <c>alarm</c>.</summary>
    Alarm,
    /// <summary>Reported, but leaves the verdict alone.</summary>
    Warning,
}

/// <summary>One excursion zone of a profile.</summary>
public sealed record ExcursionZone(
    string Id, ZoneDirection Direction, double LimitCelsius, ZoneMode Mode, double DelayMinutes, Severity Severity)
{
    /// <summary>GXP.md: the limit itself is in range.</summary>
    public bool IsOutOfRange(double celsius) =>
        Direction == ZoneDirection.Above ? celsius > LimitCelsius : celsius < LimitCelsius;
}

/// <summary>
/// MKT rule: Haynes formula with the given activation energy; MKT above <paramref name="MaxCelsius"/> alarms. Without a
/// maximum, MKT is computed and reported and no MKT rule alarms.
/// </summary>
/// <param name="ActivationEnergyKJPerMol">ΔH in kJ/mol (83.144 gives ΔH/R = 10 000 K).</param>
/// <param name="MaxCelsius">Highest acceptable MKT, or null for none.</param>
/// <param name="WindowHours">When set, the rule applies to every rolling window of this length, not only the whole record.</param>
public sealed record MktRule(double ActivationEnergyKJPerMol, double? MaxCelsius, double? WindowHours);

/// <summary>Stability budget: time the product may spend in each band, consumed across legs and carried by lot.</summary>
public sealed record StabilityBudget(IReadOnlyList<StabilityBand> Bands);

/// <summary>
/// A band outside the labelled range. <c>above</c>: limit &lt; value ≤ to (to optional);
/// <c>below</c>: to ≤ value &lt; limit. The limit itself is in range, as for zones.
/// </summary>
public sealed record StabilityBand(string Id, ZoneDirection Direction, double LimitCelsius, double? ToCelsius, double AllowedMinutes)
{
    /// <summary>Whether a held value consumes this band's budget.</summary>
    public bool Contains(double celsius) => Direction == ZoneDirection.Above
        ? celsius > LimitCelsius && (ToCelsius is not { } to || celsius <= to)
        : celsius < LimitCelsius && (ToCelsius is not { } to2 || celsius >= to2);
}
