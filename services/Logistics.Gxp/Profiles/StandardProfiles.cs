using System.Reflection;

namespace Logistics.Gxp.Profiles;

/// <summary>
/// Ready-made profiles for the common storage labels, kept as JSON files in Profiles/Standard (embedded) so QA
/// reads exactly what the engine applies. Pass one as <c>--profile builtin:ID</c> on the CLI.
/// </summary>
public static class StandardProfiles
{
    /// <summary>2–8 °C, IATA "COL" (refrigerated).</summary>
    public const string Col2To8 = "col-2-8";
    /// <summary>15–25 °C, controlled room temperature (IATA "CRT", USP &lt;659&gt;).</summary>
    public const string Crt15To25 = "crt-15-25";
    /// <summary>2–25 °C, extended room temperature (IATA "ERT").</summary>
    public const string Ert2To25 = "ert-2-25";
    /// <summary>≤ −18 °C, frozen (IATA "FRO").</summary>
    public const string Frozen = "fro-18";
    /// <summary>≤ −60 °C, ultra-cold (dry ice / mRNA).</summary>
    public const string UltraCold = "ultra-cold-60";

    /// <summary>The ids of all ready-made profiles.</summary>
    public static IReadOnlyList<string> Ids { get; } = [Col2To8, Crt15To25, Ert2To25, Frozen, UltraCold];

    /// <summary>The JSON text of a ready-made profile (<paramref name="id"/> one of <see cref="Ids"/>).</summary>
    public static string Json(string id)
    {
        if (!Ids.Contains(id, StringComparer.Ordinal)) throw new ArgumentException($"unknown ready-made profile '{id}'", nameof(id));
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Logistics.Gxp.Profiles.Standard.{id}.json")
                           ?? throw new InvalidOperationException($"profile resource {id} missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A ready-made profile, parsed and validated (<paramref name="id"/> one of <see cref="Ids"/>).</summary>
    public static TemperatureProfile Get(string id) => ProfileParser.Parse(Json(id));

    /// <summary>The ready-made profile a user named, or an error listing the known ones.</summary>
    public static GxpResult<TemperatureProfile> Find(string id) =>
        Ids.Contains(id, StringComparer.Ordinal) ? Get(id)
        : ProfileParser.Error("builtin:" + id, $"unknown ready-made profile (known: {string.Join(", ", Ids)})");
}
