using System.Text.Json;

namespace Logistics.Gxp.Profiles;

/// <summary>A profile that cannot be applied: <see cref="Exception.Message"/> names the JSON path and what was expected.</summary>
public sealed class ProfileException(string path, string problem) : GxpInputException("profile", path, $"profile {path}: {problem}");

/// <summary>
/// Reads the profile JSON of GXP.md strictly: unknown fields, wrong types, missing limits, negative delays and
/// unknown modes are errors, because a typo in a QA rule must never be silently ignored.
/// </summary>
public static class ProfileParser
{
    static readonly string[] RootFields =
        ["name", "version", "description", "loggingIntervalMinutes", "ignoreStartMinutes", "ignoreEndMinutes", "zones", "mkt", "stabilityBudget"];
    static readonly string[] ZoneFields = ["id", "direction", "limitCelsius", "mode", "delayMinutes", "severity"];
    static readonly string[] MktFields = ["activationEnergyKJPerMol", "maxCelsius", "windowHours"];
    static readonly string[] BandFields = ["id", "direction", "limitCelsius", "toCelsius", "allowedMinutes"];

    /// <summary>Parses and validates a profile; throws <see cref="ProfileException"/> naming what and where.</summary>
    public static TemperatureProfile Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
            return Parse(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ProfileException("$", $"invalid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}");
        }
    }

    /// <summary>Parses and validates a profile already read as JSON (e.g. inside an HTTP body).</summary>
    public static TemperatureProfile Parse(JsonElement root)
    {
        var o = new Obj(root, "$", RootFields);
        var zonesElement = o.Required("zones", JsonValueKind.Array);
        var zones = new List<ExcursionZone>();
        var index = 0;
        foreach (var z in zonesElement.EnumerateArray()) zones.Add(ParseZone(z, $"$.zones[{index++}]"));
        if (zones.Count == 0) throw new ProfileException("$.zones", "at least one zone is required");
        RejectDuplicateIds(zones.Select(z => z.Id), "$.zones");

        var interval = o.Number("loggingIntervalMinutes");
        if (interval <= 0) throw new ProfileException("$.loggingIntervalMinutes", $"must be greater than 0 (got {interval})");
        var profile = new TemperatureProfile(
            Name: o.String("name"),
            Version: o.OptionalString("version") ?? "unversioned",
            LoggingIntervalMinutes: interval,
            IgnoreStartMinutes: o.NonNegative("ignoreStartMinutes", 0),
            IgnoreEndMinutes: o.NonNegative("ignoreEndMinutes", 0),
            Zones: zones,
            Mkt: o.Optional("mkt") is { } mkt ? ParseMkt(mkt) : null,
            StabilityBudget: o.Optional("stabilityBudget") is { } budget ? ParseBudget(budget) : null,
            Description: o.OptionalString("description"));
        if (profile.Name.Trim().Length == 0) throw new ProfileException("$.name", "must not be empty");
        return profile;
    }

    static ExcursionZone ParseZone(JsonElement element, string path)
    {
        var o = new Obj(element, path, ZoneFields);
        var id = o.String("id");
        if (id.Trim().Length == 0) throw new ProfileException(path + ".id", "must not be empty");
        return new ExcursionZone(
            id,
            Direction(o, path),
            o.Number("limitCelsius"),
            o.String("mode") switch
            {
                "single" => ZoneMode.Single,
                "cumulative" => ZoneMode.Cumulative,
                var other => throw new ProfileException(path + ".mode", $"unknown zone mode '{other}' (expected 'single' or 'cumulative')"),
            },
            o.NonNegative("delayMinutes", null),
            o.OptionalString("severity") switch
            {
                null or "alarm" => Severity.Alarm,
                "warning" => Severity.Warning,
                var other => throw new ProfileException(path + ".severity", $"unknown severity '{other}' (expected 'alarm' or 'warning')"),
            });
    }

    static MktRule ParseMkt(JsonElement element)
    {
        var o = new Obj(element, "$.mkt", MktFields);
        var dh = o.OptionalNumber("activationEnergyKJPerMol") ?? Assessment.Mkt.DefaultActivationEnergyKJPerMol;
        if (dh <= 0) throw new ProfileException("$.mkt.activationEnergyKJPerMol", $"must be greater than 0 (got {dh})");
        var window = o.OptionalNumber("windowHours");
        if (window is <= 0) throw new ProfileException("$.mkt.windowHours", $"must be greater than 0 (got {window})");
        return new MktRule(dh, o.Number("maxCelsius"), window);
    }

    static StabilityBudget ParseBudget(JsonElement element)
    {
        var o = new Obj(element, "$.stabilityBudget", ["bands"]);
        var bands = new List<StabilityBand>();
        var index = 0;
        foreach (var b in o.Required("bands", JsonValueKind.Array).EnumerateArray())
        {
            var path = $"$.stabilityBudget.bands[{index++}]";
            var bo = new Obj(b, path, BandFields);
            var band = new StabilityBand(bo.String("id"), Direction(bo, path), bo.Number("limitCelsius"),
                bo.OptionalNumber("toCelsius"), bo.NonNegative("allowedMinutes", null));
            if (band.ToCelsius is { } to && (band.Direction == ZoneDirection.Above ? to <= band.LimitCelsius : to >= band.LimitCelsius))
                throw new ProfileException(path + ".toCelsius", $"{to} lies on the in-range side of limit {band.LimitCelsius}");
            bands.Add(band);
        }
        RejectDuplicateIds(bands.Select(b => b.Id), "$.stabilityBudget.bands");
        return new StabilityBudget(bands);
    }

    static ZoneDirection Direction(Obj o, string path) => o.String("direction") switch
    {
        "above" => ZoneDirection.Above,
        "below" => ZoneDirection.Below,
        var other => throw new ProfileException(path + ".direction", $"unknown direction '{other}' (expected 'above' or 'below')"),
    };

    static void RejectDuplicateIds(IEnumerable<string> ids, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!seen.Add(id)) throw new ProfileException(path, $"duplicate id '{id}'");
    }

    static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    /// <summary>A JSON object whose fields are checked against a fixed list.</summary>
    readonly struct Obj
    {
        readonly JsonElement element;
        readonly string path;

        public Obj(JsonElement element, string path, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new ProfileException(path, $"expected an object, got {Kind(element.ValueKind)}");
            foreach (var p in element.EnumerateObject())
                if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                    throw new ProfileException($"{path}.{p.Name}", $"unknown field (expected one of: {string.Join(", ", allowed)})");
            this.element = element;
            this.path = path;
        }

        public JsonElement? Optional(string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        public JsonElement Required(string name, JsonValueKind kind)
        {
            var v = Optional(name) ?? throw new ProfileException($"{path}.{name}", "missing");
            return v.ValueKind == kind ? v : throw new ProfileException($"{path}.{name}", $"expected {Kind(kind)}, got {Kind(v.ValueKind)}");
        }

        public string String(string name) => Required(name, JsonValueKind.String).GetString()!;

        public string? OptionalString(string name) => Optional(name) is null ? null : String(name);

        public double Number(string name)
        {
            var v = Required(name, JsonValueKind.Number).GetDouble();
            return double.IsFinite(v) ? v : throw new ProfileException($"{path}.{name}", "must be a finite number");
        }

        public double? OptionalNumber(string name) => Optional(name) is null ? null : Number(name);

        public double NonNegative(string name, double? defaultValue)
        {
            var v = defaultValue is { } d ? OptionalNumber(name) ?? d : Number(name);
            return v >= 0 ? v : throw new ProfileException($"{path}.{name}", $"must not be negative (got {v})");
        }

        static string Kind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
