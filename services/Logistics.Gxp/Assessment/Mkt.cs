namespace Logistics.Gxp.Assessment;

/// <summary>
/// Mean kinetic temperature, Haynes: T = (ΔH/R) / −ln(Σ wᵢ·e^(−ΔH/(R·Tᵢ)) / Σ wᵢ), Tᵢ in kelvin.
/// ΔH is taken in kJ/mol (×1000 to J/mol); passing J/mol by mistake collapses MKT to the harmonic mean.
/// </summary>
public static class Mkt
{
    /// <summary>ΔH of GXP.md and USP &lt;1160&gt;: 83.144 kJ/mol, so that ΔH/R = 10 000 K.</summary>
    public const double DefaultActivationEnergyKJPerMol = 83.144;
    /// <summary>Gas constant as GXP.md fixes it, J/(mol·K).</summary>
    public const double GasConstant = 8.3144;
    /// <summary>0 °C in kelvin.</summary>
    public const double ZeroCelsiusInKelvin = 273.15;

    /// <summary>ΔH/R in kelvin for ΔH in kJ/mol.</summary>
    public static double ActivationOverR(double activationEnergyKJPerMol) => activationEnergyKJPerMol * 1000.0 / GasConstant;

    /// <summary>MKT in °C of values weighted by held time (equal weights when <paramref name="weights"/> is empty).</summary>
    public static double Calculate(ReadOnlySpan<double> celsius, ReadOnlySpan<double> weights, double activationEnergyKJPerMol = DefaultActivationEnergyKJPerMol)
    {
        if (celsius.Length == 0) throw new ArgumentException("MKT of no readings", nameof(celsius));
        if (weights.Length != 0 && weights.Length != celsius.Length) throw new ArgumentException("one weight per reading", nameof(weights));
        var k = ActivationOverR(activationEnergyKJPerMol);
        var reference = Reference(celsius, k);
        double sum = 0, total = 0;
        for (var i = 0; i < celsius.Length; i++)
        {
            var w = weights.Length == 0 ? 1.0 : weights[i];
            sum += w * Term(celsius[i], k, reference);
            total += w;
        }
        return FromSums(sum, total, k, reference);
    }

    /// <summary>
    /// e^(−k/T + reference): the Arrhenius term scaled by e^reference so sums stay near 1 whatever the temperatures
    /// (at −80 °C the raw term is ~1e−23); the scale cancels in <see cref="FromSums"/>.
    /// </summary>
    internal static double Term(double celsius, double k, double reference) => Math.Exp(reference - k / (celsius + ZeroCelsiusInKelvin));

    /// <summary>MKT in °C from Σ w·Term and Σ w computed with the same <paramref name="reference"/>.</summary>
    internal static double FromSums(double weightedTerms, double totalWeight, double k, double reference) =>
        k / (reference - Math.Log(weightedTerms / totalWeight)) - ZeroCelsiusInKelvin;

    /// <summary>A scale for <see cref="Term"/>: k over the middle of the value range, in kelvin.</summary>
    internal static double Reference(ReadOnlySpan<double> celsius, double k)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (var c in celsius) { min = Math.Min(min, c); max = Math.Max(max, c); }
        return k / ((min + max) / 2 + ZeroCelsiusInKelvin);
    }
}
