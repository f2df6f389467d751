using System.Collections.Frozen;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// The vocabulary both directions share: our extension namespace, business steps (status-map.json) and
/// EPCIS measurement types ↔ canonical measurement types. Kept in one place so import and export cannot drift apart.
/// </summary>
public static class EpcisVocabulary
{
    /// <summary>Our JSON-LD namespace: the extension field, our own business steps and measurement types.</summary>
    public const string Namespace = "https://ns.logistics.example/epcis/";
    public const string Prefix = "lgx";
    public const string Gs1Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    public const string SensorReporting = "sensor_reporting";
    const string OwnMeasurementType = Namespace + "MT-";

    /// <summary>CO2 and O2 as CBV 2.0 chemicalSubstance (InChIKey) of a VolumeFraction reading.</summary>
    public const string Co2Substance = "https://identifiers.org/inchikey:CURLTUGMZLYLDI-UHFFFAOYSA-N";
    public const string O2Substance = "https://identifiers.org/inchikey:MYMOFIZGZYHOMD-UHFFFAOYSA-N";

    static readonly string[] BizStepPrefixes =
    [
        "https://ref.gs1.org/cbv/BizStep-", "http://ref.gs1.org/cbv/BizStep-", "urn:epcglobal:cbv:bizstep:",
        "https://gs1.org/voc/BizStep-", "http://gs1.org/voc/BizStep-", "cbv:BizStep-", "gs1:BizStep-",
    ];

    static readonly string[] TypePrefixes = ["https://gs1.org/voc/", "http://gs1.org/voc/", "gs1:", "cbv:"];

    /// <summary>bizStep (short name) → milestone, from status-map.json.</summary>
    public static StatusMap BizSteps { get; } = StatusMap.Load("Epcis2");

    /// <summary>milestone → bizStep for the export: the "export" object of the same status-map.json.</summary>
    public static FrozenDictionary<string, string> ExportBizSteps { get; } = BizSteps.Section("export");

    /// <summary>A CBV business step in any of its published forms → its short name; other URIs are kept as written.</summary>
    public static string NormalizeBizStep(string bizStep)
    {
        foreach (var prefix in BizStepPrefixes)
            if (bizStep.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return bizStep[prefix.Length..];
        return bizStep;
    }

    /// <summary>
    /// An EPCIS measurement type (Temperature, gs1:MT-Temperature, https://gs1.org/voc/MT-Temperature, or one of ours)
    /// → canonical type. False for types the canonical model has no place for (Speed, Length, …): those readings are skipped.
    /// </summary>
    public static bool TryCanonicalType(string epcisType, string? chemicalSubstance, out string type)
    {
        if (epcisType.StartsWith(OwnMeasurementType, StringComparison.Ordinal))
        {
            type = epcisType[OwnMeasurementType.Length..];
            return MeasurementTypes.All.Contains(type);
        }
        var name = epcisType.AsSpan();
        foreach (var prefix in TypePrefixes)
            if (name.StartsWith(prefix, StringComparison.Ordinal)) { name = name[prefix.Length..]; break; }
        if (name.StartsWith("MT-", StringComparison.Ordinal)) name = name[3..];
        type = name switch
        {
            "Temperature" => MeasurementTypes.Temperature,
            "RelativeHumidity" or "AbsoluteHumidity" => MeasurementTypes.Humidity,
            "Illuminance" => MeasurementTypes.Light,
            "Pressure" => MeasurementTypes.Pressure,
            "Acceleration" => MeasurementTypes.Shock,
            "Voltage" => MeasurementTypes.Battery,
            "VolumeFraction" when chemicalSubstance is not null && chemicalSubstance.Contains("CURLTUGMZLYLDI", StringComparison.Ordinal) => MeasurementTypes.Co2,
            "VolumeFraction" when chemicalSubstance is not null && chemicalSubstance.Contains("MYMOFIZGZYHOMD", StringComparison.Ordinal) => MeasurementTypes.O2,
            _ => "",
        };
        return type.Length > 0;
    }

    /// <summary>An alarm's type: the canonical measurement type when there is one, else the EPCIS type (ours unprefixed).</summary>
    public static string AlarmType(string epcisType) =>
        epcisType.StartsWith(OwnMeasurementType, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(epcisType[OwnMeasurementType.Length..])
            : TryCanonicalType(epcisType, null, out var type) ? type : epcisType;

    /// <summary>The unit a reading has when the source omits uom; null where guessing would be unsafe (temperature).</summary>
    public static string? DefaultUnit(string epcisType) => epcisType switch
    {
        _ when epcisType.EndsWith("RelativeHumidity", StringComparison.Ordinal) => "P1",
        _ when epcisType.EndsWith("AbsoluteHumidity", StringComparison.Ordinal) => "A93",
        _ when epcisType.EndsWith("Illuminance", StringComparison.Ordinal) => "LUX",
        _ when epcisType.EndsWith("Pressure", StringComparison.Ordinal) => "PAL",
        _ when epcisType.EndsWith("Acceleration", StringComparison.Ordinal) => "MSK",
        _ when epcisType.EndsWith("Voltage", StringComparison.Ordinal) => "VLT",
        _ when epcisType.EndsWith("VolumeFraction", StringComparison.Ordinal) => "P1",
        _ => null,
    };

    /// <summary>Canonical type (and unit) → EPCIS measurement type and, for gases, the chemicalSubstance.</summary>
    public static (string Type, string? ChemicalSubstance) ToEpcisType(string canonicalType, string? unit) => canonicalType switch
    {
        MeasurementTypes.Temperature => ("Temperature", null),
        MeasurementTypes.Humidity => (unit == "A93" ? "AbsoluteHumidity" : "RelativeHumidity", null),
        MeasurementTypes.Light => ("Illuminance", null),
        MeasurementTypes.Pressure => ("Pressure", null),
        MeasurementTypes.Shock => ("Acceleration", null),
        MeasurementTypes.Battery when unit == "VLT" => ("Voltage", null),
        MeasurementTypes.Co2 => ("VolumeFraction", Co2Substance),
        MeasurementTypes.O2 => ("VolumeFraction", O2Substance),
        _ => (OwnType(canonicalType), null),
    };

    /// <summary>A type with no GS1 measurement type, in our namespace (measurementType allows any non-GS1 URI).</summary>
    public static string OwnType(string type) => OwnMeasurementType + Uri.EscapeDataString(type);
}
