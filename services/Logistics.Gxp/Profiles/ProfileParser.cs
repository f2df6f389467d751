using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Logistics.Gxp.Profiles;

/// <summary>
/// Reads the profile JSON of GXP.md strictly: unknown fields, wrong types, missing limits, negative delays and
/// unknown modes are errors, because a typo in a QA rule must never be silently ignored. Errors are results
/// (<see cref="GxpInputError"/> naming the JSON path and the problem), never exceptions.
/// </summary>
public static class ProfileParser
{
    static readonly string[] RootFields =
        ["name", "version", "description", "loggingIntervalMinutes", "ignoreStartMinutes", "ignoreEndMinutes", "zones", "mkt", "stabilityBudget"];
    static readonly string[] ZoneFields = ["id", "direction", "limitCelsius", "mode", "delayMinutes", "severity"];
    static readonly string[] MktFields = ["activationEnergyKJPerMol", "maxCelsius", "windowHours"];
    static readonly string[] BandFields = ["id", "direction", "limitCelsius", "toCelsius", "allowedMinutes"];

    /// <summary>Parses and validates a profile: the profile, or the first problem naming what and where.</summary>
    public static GxpResult<TemperatureProfile> Read(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex) // System.Text.Json reports malformed text only by throwing; caught at the call, turned into a result
        {
            return Error("$", $"invalid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}");
        }
        using (doc) return Read(doc.RootElement);
    }

    /// <summary>Parses and validates a profile already read as JSON (e.g. inside an HTTP body).</summary>
    public static GxpResult<TemperatureProfile> Read(JsonElement root)
    {
        var r = new Reader();
        var profile = r.Profile(root);
        return profile is not null ? profile : r.Error!;
    }

    /// <summary>A profile the program wrote itself (embedded, stored with a report version): malformed means a bug.</summary>
    public static TemperatureProfile Parse(string json) => Read(json).ValueOrThrow();

    internal static GxpInputError Error(string path, string problem) => new("profile", path, $"profile {path}: {problem}");

    static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    /// <summary>Reads with the first error kept: every step returns false (or null) once something is wrong.</summary>
    sealed class Reader
    {
        public GxpInputError? Error { get; private set; }

        bool Fail(string path, string problem)
        {
            Error ??= ProfileParser.Error(path, problem);
            return false;
        }

        public TemperatureProfile? Profile(JsonElement root)
        {
            if (!Fields(root, "$", RootFields)) return null;
            if (!Required(root, "$", "zones", JsonValueKind.Array, out var zonesElement)) return null;
            var zones = new List<ExcursionZone>();
            var index = 0;
            foreach (var z in zonesElement.EnumerateArray())
            {
                if (Zone(z, $"$.zones[{index++}]") is not { } zone) return null;
                zones.Add(zone);
            }
            if (zones.Count == 0) { Fail("$.zones", "at least one zone is required"); return null; }
            if (!Unique(zones.Select(z => z.Id), "$.zones")) return null;

            if (!Number(root, "$", "loggingIntervalMinutes", out var interval)) return null;
            if (interval <= 0) { Fail("$.loggingIntervalMinutes", $"must be greater than 0 (got {interval})"); return null; }
            if (!String(root, "$", "name", out var name)) return null;
            if (name.Trim().Length == 0) { Fail("$.name", "must not be empty"); return null; }
            if (!OptionalString(root, "$", "version", out var version) || !OptionalString(root, "$", "description", out var description)) return null;
            if (!NonNegative(root, "$", "ignoreStartMinutes", 0, out var ignoreStart) || !NonNegative(root, "$", "ignoreEndMinutes", 0, out var ignoreEnd))
                return null;
            MktRule? mkt = null;
            if (Optional(root, "mkt") is { } mktElement && (mkt = Mkt(mktElement)) is null) return null;
            StabilityBudget? budget = null;
            if (Optional(root, "stabilityBudget") is { } budgetElement && (budget = Budget(budgetElement)) is null) return null;
            return new TemperatureProfile(name, version ?? "unversioned", interval, ignoreStart, ignoreEnd, zones, mkt, budget, description);
        }

        ExcursionZone? Zone(JsonElement element, string path)
        {
            if (!Fields(element, path, ZoneFields) || !String(element, path, "id", out var id)) return null;
            if (id.Trim().Length == 0) { Fail(path + ".id", "must not be empty"); return null; }
            if (!Direction(element, path, out var direction) || !Number(element, path, "limitCelsius", out var limit)) return null;
            if (!String(element, path, "mode", out var modeText)) return null;
            ZoneMode mode;
            switch (modeText)
            {
                case "single": mode = ZoneMode.Single; break;
                case "cumulative": mode = ZoneMode.Cumulative; break;
                default: Fail(path + ".mode", $"unknown zone mode '{modeText}' (expected 'single' or 'cumulative')"); return null;
            }
            if (!NonNegative(element, path, "delayMinutes", null, out var delay) || !OptionalString(element, path, "severity", out var severityText)) return null;
            Severity severity;
            switch (severityText)
            {
                case null or "alarm": severity = Severity.Alarm; break;
                case "warning": severity = Severity.Warning; break;
                default: Fail(path + ".severity", $"unknown severity '{severityText}' (expected 'alarm' or 'warning')"); return null;
            }
            return new ExcursionZone(id, direction, limit, mode, delay, severity);
        }

        MktRule? Mkt(JsonElement element)
        {
            const string path = "$.mkt";
            if (!Fields(element, path, MktFields)) return null;
            if (!OptionalNumber(element, path, "activationEnergyKJPerMol", out var dhGiven)) return null;
            var dh = dhGiven ?? Assessment.Mkt.DefaultActivationEnergyKJPerMol;
            if (dh <= 0) { Fail(path + ".activationEnergyKJPerMol", $"must be greater than 0 (got {dh})"); return null; }
            // maxCelsius is optional: without it MKT is computed and reported, and no MKT rule alarms.
            if (!OptionalNumber(element, path, "maxCelsius", out var max) || !OptionalNumber(element, path, "windowHours", out var window)) return null;
            if (window is <= 0) { Fail(path + ".windowHours", $"must be greater than 0 (got {window})"); return null; }
            return new MktRule(dh, max, window);
        }

        StabilityBudget? Budget(JsonElement element)
        {
            const string path = "$.stabilityBudget";
            if (!Fields(element, path, ["bands"]) || !Required(element, path, "bands", JsonValueKind.Array, out var bandsElement)) return null;
            var bands = new List<StabilityBand>();
            var index = 0;
            foreach (var b in bandsElement.EnumerateArray())
            {
                var bandPath = $"{path}.bands[{index++}]";
                if (!Fields(b, bandPath, BandFields) || !String(b, bandPath, "id", out var id) || !Direction(b, bandPath, out var direction)
                    || !Number(b, bandPath, "limitCelsius", out var limit) || !OptionalNumber(b, bandPath, "toCelsius", out var to)
                    || !NonNegative(b, bandPath, "allowedMinutes", null, out var allowed))
                    return null;
                if (to is { } bound && (direction == ZoneDirection.Above ? bound <= limit : bound >= limit))
                {
                    Fail(bandPath + ".toCelsius", $"{bound} lies on the in-range side of limit {limit}");
                    return null;
                }
                bands.Add(new StabilityBand(id, direction, limit, to, allowed));
            }
            return Unique(bands.Select(b => b.Id), path + ".bands") ? new StabilityBudget(bands) : null;
        }

        bool Direction(JsonElement o, string path, out ZoneDirection direction)
        {
            direction = default;
            if (!String(o, path, "direction", out var text)) return false;
            switch (text)
            {
                case "above": direction = ZoneDirection.Above; return true;
                case "below": direction = ZoneDirection.Below; return true;
                default: return Fail(path + ".direction", $"unknown direction '{text}' (expected 'above' or 'below')");
            }
        }

        bool Unique(IEnumerable<string> ids, string path)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
                if (!seen.Add(id)) return Fail(path, $"duplicate id '{id}'");
            return true;
        }

        /// <summary>An object whose fields are all in <paramref name="allowed"/>.</summary>
        bool Fields(JsonElement element, string path, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object) return Fail(path, $"expected an object, got {Kind(element.ValueKind)}");
            foreach (var p in element.EnumerateObject())
                if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                    return Fail($"{path}.{p.Name}", $"unknown field (expected one of: {string.Join(", ", allowed)})");
            return true;
        }

        static JsonElement? Optional(JsonElement o, string name) =>
            o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        bool Required(JsonElement o, string path, string name, JsonValueKind kind, out JsonElement value)
        {
            value = default;
            if (Optional(o, name) is not { } v) return Fail($"{path}.{name}", "missing");
            if (v.ValueKind != kind) return Fail($"{path}.{name}", $"expected {Kind(kind)}, got {Kind(v.ValueKind)}");
            value = v;
            return true;
        }

        bool String(JsonElement o, string path, string name, [NotNullWhen(true)] out string? value)
        {
            value = Required(o, path, name, JsonValueKind.String, out var v) ? v.GetString()! : null;
            return value is not null;
        }

        /// <summary>True when absent (value null) or a string; false (and the error) for any other kind.</summary>
        bool OptionalString(JsonElement o, string path, string name, out string? value)
        {
            value = null;
            return Optional(o, name) is null || String(o, path, name, out value);
        }

        bool Number(JsonElement o, string path, string name, out double value)
        {
            value = 0;
            if (!Required(o, path, name, JsonValueKind.Number, out var v)) return false;
            value = v.GetDouble();
            return double.IsFinite(value) || Fail($"{path}.{name}", "must be a finite number");
        }

        bool OptionalNumber(JsonElement o, string path, string name, out double? value)
        {
            value = null;
            if (Optional(o, name) is null) return true;
            if (!Number(o, path, name, out var v)) return false;
            value = v;
            return true;
        }

        bool NonNegative(JsonElement o, string path, string name, double? defaultValue, out double value)
        {
            value = 0;
            double? read;
            if (defaultValue is { } d)
            {
                if (!OptionalNumber(o, path, name, out read)) return false;
                read ??= d;
            }
            else
            {
                if (!Number(o, path, name, out var required)) return false;
                read = required;
            }
            value = read.Value;
            return value >= 0 || Fail($"{path}.{name}", $"must not be negative (got {value})");
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
