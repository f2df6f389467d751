using System.Collections.Frozen;
using Logistics.Canonical.Events;
using Logistics.Canonical.Units;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Sdk.Mapping;

/// <summary>
/// Reads and checks a <c>mapping.json</c> (format: docs/writing-an-adapter.md, "Declarative adapters"). Every problem
/// is a line naming the member of the mapping file (<c>$.events[0].time.format: …</c>) — several at once, never an
/// exception — so a mapping author fixes them in one pass. Checked: required members, unknown members (typos),
/// selectors compile, the id and family, inbound modes, schemes (CANONICAL.md), tables exist and hold milestone
/// codes / classifiers / measurement types / Rec 20 units where they are used so, time formats and zones.
/// </summary>
public sealed class MappingLoader
{
    static readonly string[] TopMembers = ["id", "family", "description", "document", "inbound", "contentTypes", "carriers", "carrier", "docs", "source", "events", "tables", "notes"];
    static readonly string[] RuleMembers = ["select", "kind", "code", "classifier", "time", "refs", "location", "sourceEventId", "measurement", "position", "notes"];
    static readonly string[] ValueMembers = ["path", "first", "join", "match", "table", "unknown", "default", "const"];
    static readonly string[] TimeMembers = ["path", "first", "format", "offset", "zone"];
    static readonly string[] LocationMembers = ["unlocode", "iata", "name", "city", "region", "country", "lat", "lon"];

    readonly List<string> _problems = [];
    FrozenDictionary<string, FrozenDictionary<string, string?>> _tables = FrozenDictionary<string, FrozenDictionary<string, string?>>.Empty;

    /// <summary>Loads a mapping; <paramref name="problems"/> lists everything wrong (the definition is null when there is any).</summary>
    public static MappingDefinition? Load(ReadOnlyMemory<byte> content, out IReadOnlyList<string> problems)
    {
        var loader = new MappingLoader();
        var definition = loader.Read(content);
        problems = loader._problems;
        return loader._problems.Count == 0 ? definition : null;
    }

    MappingDefinition? Read(ReadOnlyMemory<byte> content)
    {
        var json = JsonInput.Parse(content, "a mapping (JSON object)");
        if (json.Failed) return Problem(json.Error!.Message);
        if (json.Root is not JObject root) return Problem("$: expected a JSON object");
        Members(root, TopMembers);

        var id = RequiredString(root, "id");
        if (id is not null && !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))
            Problem($"$.id: '{id}' is not a kebab-case adapter id (lower-case letters and digits, '-' between parts)");
        var family = RequiredString(root, "family");
        if (family is not null && !Families.Contains(family))
            Problem($"$.family: '{family}' is not one of {string.Join(", ", Families)}");
        var description = RequiredString(root, "description");
        var document = RequiredString(root, "document");
        var modes = Inbound(root);
        var carriers = Strings(root, "carriers");
        var contentTypes = root["contentTypes"] is null ? ["application/json"] : Strings(root, "contentTypes");
        var docs = OptionalString(root, "docs");
        RequiredString(root, "source");

        _tables = Tables(root);
        var carrier = root["carrier"] is { } c ? Value(c, "$.carrier", TableRole.Text) : null;
        var rules = new List<EventRule>();
        if (root["events"] is JArray events && events.Count > 0)
        {
            for (var i = 0; i < events.Count; i++)
                if (Rule(events[i], $"$.events[{i}]") is { } rule) rules.Add(rule);
        }
        else Problem("$.events: expected a non-empty array of event rules");

        if (_problems.Count > 0) return null;
        var info = new AdapterInfo(id!, family!, carriers, modes, description!) { ContentTypes = contentTypes };
        return new MappingDefinition(info, document!, carrier, rules, _tables) { Docs = docs };
    }

    static readonly string[] Families =
    [
        AdapterFamilies.Epcis, AdapterFamilies.Ocean, AdapterFamilies.Air, AdapterFamilies.Road, AdapterFamilies.Parcel,
        AdapterFamilies.Edi, AdapterFamilies.Lpwan, AdapterFamilies.Satellite,
    ];

    InboundModes Inbound(JObject root)
    {
        var modes = InboundModes.None;
        foreach (var name in Strings(root, "inbound"))
        {
            if (Enum.TryParse<InboundModes>(name, ignoreCase: true, out var m) && m != InboundModes.None && name == name.ToLowerInvariant()) modes |= m;
            else Problem($"$.inbound: '{name}' is not one of webhook, poll, file");
        }
        if (modes == InboundModes.None) Problem("$.inbound: expected at least one of webhook, poll, file");
        return modes;
    }

    FrozenDictionary<string, FrozenDictionary<string, string?>> Tables(JObject root)
    {
        var tables = new Dictionary<string, FrozenDictionary<string, string?>>(StringComparer.Ordinal);
        if (root["tables"] is null) return tables.ToFrozenDictionary(StringComparer.Ordinal);
        if (root["tables"] is not JObject o)
        {
            Problem("$.tables: expected an object of tables");
            return tables.ToFrozenDictionary(StringComparer.Ordinal);
        }
        foreach (var table in o.Properties())
        {
            var path = "$.tables" + JsonInput.MemberSegment(table.Name);
            if (table.Value is not JObject entries)
            {
                Problem($"{path}: expected an object of code → value");
                continue;
            }
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var e in entries.Properties())
            {
                if (e.Name.StartsWith('_')) continue;
                if (e.Value.Type == JTokenType.Null) map[e.Name] = null;
                else if (e.Value.Type == JTokenType.String) map[e.Name] = (string)e.Value!;
                else Problem($"{path}{JsonInput.MemberSegment(e.Name)}: expected a string, or null for a code that gives no event");
            }
            tables[table.Name] = map.ToFrozenDictionary(StringComparer.Ordinal);
        }
        return tables.ToFrozenDictionary(StringComparer.Ordinal);
    }

    EventRule? Rule(JToken token, string path)
    {
        if (token is not JObject rule) return Problem<EventRule>($"{path}: expected an event rule object");
        Members(rule, RuleMembers, path);
        var select = Selector(rule["select"], path + ".select", required: true);
        var kindText = rule["kind"] is null ? "milestone" : OptionalString(rule, "kind", path);
        RuleKind? kind = kindText switch
        {
            "milestone" => RuleKind.Milestone,
            "measurement" => RuleKind.Measurement,
            "position" => RuleKind.Position,
            null => null,
            _ => Problem<RuleKind?>($"{path}.kind: '{kindText}' is not milestone, measurement or position"),
        };
        var time = Time(rule["time"], path + ".time");
        var refs = Refs(rule["refs"], path + ".refs");
        var location = Location(rule["location"], path + ".location");
        var sourceEventId = rule["sourceEventId"] is { } s ? Value(s, path + ".sourceEventId", TableRole.Text) : null;
        if (select is null || kind is null || time is null) return null;

        var result = new EventRule(path, select, kind.Value, time, refs) { Location = location, SourceEventId = sourceEventId };
        switch (kind.Value)
        {
            case RuleKind.Milestone:
                if (rule["code"] is not { } code) return Problem<EventRule>($"{path}.code: a milestone rule needs the status code (with its table)");
                var codeSpec = Value(code, path + ".code", TableRole.Milestone);
                if (codeSpec is { Table: null, Constant: null }) Problem($"{path}.code: name the table that maps the codes to milestones (\"table\")");
                if (codeSpec is { Constant: { } constant } && !Vocabulary.IsMilestone(constant)) Problem($"{path}.code.const: '{constant}' is not a milestone code");
                var classifier = rule["classifier"] is { } cl ? Value(cl, path + ".classifier", TableRole.Classifier) : null;
                if (classifier is { Constant: { } k } && !Vocabulary.Classifiers.Contains(k)) Problem($"{path}.classifier: '{k}' is not ACT, EST or PLN");
                Absent(rule, path, "measurement", "position");
                return result with { Code = codeSpec, Classifier = classifier };
            case RuleKind.Measurement:
                Absent(rule, path, "code", "classifier", "position");
                return Measurement(rule["measurement"], path + ".measurement") is { } m ? result with { Measurement = m } : null;
            default:
                Absent(rule, path, "code", "classifier", "measurement");
                return Position(rule["position"], path + ".position") is { } p ? result with { Position = p } : null;
        }
    }

    void Absent(JObject rule, string path, params string[] names)
    {
        foreach (var n in names)
            if (rule[n] is not null) Problem($"{path}.{n}: not used by a rule of this kind");
    }

    List<RefSpec> Refs(JToken? token, string path)
    {
        var list = new List<RefSpec>();
        if (token is not JArray array || array.Count == 0)
        {
            Problem($"{path}: expected a non-empty array of {{\"scheme\", \"path\"}}");
            return list;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (array[i] is not JObject o || o["scheme"] is not { Type: JTokenType.String } scheme)
            {
                Problem($"{itemPath}: expected {{\"scheme\": \"tracking\", \"path\": \"…\"}}");
                continue;
            }
            if (!RefSchemes.All.Contains((string)scheme!))
                Problem($"{itemPath}.scheme: '{scheme}' is not a reference scheme ({string.Join(", ", RefSchemes.All)})");
            var value = new JObject(o.Properties().Where(p => p.Name != "scheme").Select(p => new JProperty(p.Name, p.Value)));
            if (Value(value, itemPath, TableRole.Text) is { } spec) list.Add(new RefSpec((string)scheme!, spec));
        }
        return list;
    }

    LocationSpec? Location(JToken? token, string path)
    {
        if (token is null) return null;
        if (token is not JObject o) return Problem<LocationSpec>($"{path}: expected an object ({string.Join(", ", LocationMembers)})");
        Members(o, LocationMembers, path);
        ValueSpec? Part(string name) => o[name] is { } t ? Value(t, path + "." + name, TableRole.Text) : null;
        var name = o["name"] is { } n ? Value(n, path + ".name", TableRole.Text, defaultJoin: ", ") : null;
        return new LocationSpec(Part("unlocode"), Part("iata"), name, Part("city"), Part("region"), Part("country"), Part("lat"), Part("lon"));
    }

    MeasurementSpec? Measurement(JToken? token, string path)
    {
        if (token is not JObject o) return Problem<MeasurementSpec>($"{path}: a measurement rule needs {{\"type\", \"value\", \"unit\"}}");
        Members(o, ["type", "value", "unit", "sensor"], path);
        var type = Required(o, "type", path, TableRole.MeasurementType);
        if (type is { Constant: { } t } && !MeasurementTypes.All.Contains(t)) Problem($"{path}.type: '{t}' is not one of {string.Join(", ", MeasurementTypes.All)}");
        var value = Required(o, "value", path, TableRole.Text);
        var unit = Required(o, "unit", path, TableRole.Unit);
        if (unit is { Constant: { } u } && Rec20.FromSourceSpelling(u) is null) Problem($"{path}.unit: '{u}' is not a Rec 20 unit or a known spelling");
        var sensor = o["sensor"] is { } s ? Value(s, path + ".sensor", TableRole.Text) : null;
        return type is null || value is null || unit is null ? null : new MeasurementSpec(type, value, unit, sensor);
    }

    PositionSpec? Position(JToken? token, string path)
    {
        if (token is not JObject o) return Problem<PositionSpec>($"{path}: a position rule needs {{\"lat\", \"lon\", \"method\"}}");
        Members(o, ["lat", "lon", "accuracy", "method"], path);
        var lat = Required(o, "lat", path, TableRole.Text);
        var lon = Required(o, "lon", path, TableRole.Text);
        var accuracy = o["accuracy"] is { } a ? Value(a, path + ".accuracy", TableRole.Text) : null;
        var method = o["method"] is { Type: JTokenType.String } m ? (string)m! : PositionMethods.Carrier;
        if (!PositionMethods.All.Contains(method)) Problem($"{path}.method: '{method}' is not one of {string.Join(", ", PositionMethods.All)}");
        return lat is null || lon is null ? null : new PositionSpec(lat, lon, accuracy, method);
    }

    TimeSpec? Time(JToken? token, string path)
    {
        if (token is null) return Problem<TimeSpec>($"{path}: every rule needs the event time");
        var o = token as JObject ?? new JObject { ["path"] = token };
        Members(o, TimeMembers, path);
        var value = Value(new JObject(o.Properties().Where(p => p.Name is "path" or "first").Select(p => new JProperty(p.Name, p.Value))), path, TableRole.Text);
        var formatTokens = o["format"] switch
        {
            null => [new JValue("iso")],
            JArray a => a.ToList(),
            var one => [one],
        };
        var formats = new List<TimeFormatSpec>();
        foreach (var token2 in formatTokens)
            if (Format(token2, path + ".format") is { } f) formats.Add(f);
        if (formats.Count == 0 && _problems.Count == 0) Problem($"{path}.format: expected at least one format");
        var spec = value is null || formats.Count == 0 ? null : new TimeSpec(value, formats);
        if (spec is null) return null;
        if (o["offset"] is { } offset) spec = spec with { Offset = Value(offset, path + ".offset", TableRole.Text) };
        if (o["zone"] is { } zone)
        {
            var id = zone.Type == JTokenType.String ? (string)zone! : "";
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } z) spec = spec with { Zone = z };
            else Problem($"{path}.zone: '{zone}' is not a TZDB zone id (e.g. Europe/Amsterdam)");
        }
        return spec;
    }

    TimeFormatSpec? Format(JToken token, string path)
    {
        if (token.Type != JTokenType.String) return Problem<TimeFormatSpec>($"{path}: expected a format name or a NodaTime pattern");
        var text = (string)token!;
        switch (text)
        {
            case "iso": return new TimeFormatSpec(TimeFormat.Iso, text);
            case "unix": return new TimeFormatSpec(TimeFormat.UnixSeconds, text);
            case "unix-ms": return new TimeFormatSpec(TimeFormat.UnixMilliseconds, text);
            case "ms-json": return new TimeFormatSpec(TimeFormat.MicrosoftJson, text);
        }
        try
        {
            return text.Contains("o<", StringComparison.Ordinal)
                ? new TimeFormatSpec(TimeFormat.Pattern, text) { OffsetPattern = OffsetDateTimePattern.CreateWithInvariantCulture(text) }
                : new TimeFormatSpec(TimeFormat.Pattern, text) { LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture(text) };
        }
        catch (InvalidPatternException ex)
        {
            return Problem<TimeFormatSpec>($"{path}: '{text}' is not iso, unix, unix-ms, ms-json or a NodaTime pattern ({ex.Message})");
        }
    }

    enum TableRole
    {
        Text,
        Milestone,
        Classifier,
        MeasurementType,
        Unit,
    }

    ValueSpec? Required(JObject o, string name, string path, TableRole role) =>
        o[name] is { } t ? Value(t, path + "." + name, role) : Problem<ValueSpec>($"{path}.{name}: required");

    /// <summary>A value: "selector", ["selector", …], or {"path"|"const", "join", "table", "unknown", "default"}.</summary>
    ValueSpec? Value(JToken token, string path, TableRole role, string defaultJoin = " ")
    {
        if (token.Type is JTokenType.String or JTokenType.Array) token = new JObject { ["path"] = token };
        if (token is not JObject o) return Problem<ValueSpec>($"{path}: expected a selector (\"@.code\"), an array of selectors, or {{\"path\", \"table\", …}} / {{\"const\": …}}");
        Members(o, ValueMembers, path);
        var paths = new List<JsonSelector>();
        var first = o["first"] is not null;
        if (first && o["path"] is not null) return Problem<ValueSpec>($"{path}: give either path (joined) or first (alternatives), not both");
        switch (o["path"] ?? o["first"])
        {
            case null:
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                    if (Selector(array[i], $"{path}.{(first ? "first" : "path")}[{i}]", required: true) is { } s) paths.Add(s);
                break;
            case var single:
                if (Selector(single, path + ".path", required: true) is { } one) paths.Add(one);
                break;
        }
        var constant = OptionalString(o, "const", path);
        if ((o["path"] is not null || first) == (o["const"] is not null))
            return Problem<ValueSpec>($"{path}: expected either a path (or first) or a const");
        var table = OptionalString(o, "table", path);
        if (table is not null) CheckTable(table, path + ".table", role);
        System.Text.RegularExpressions.Regex? match = null;
        if (OptionalString(o, "match", path) is { } pattern)
        {
            try
            {
                match = new System.Text.RegularExpressions.Regex(pattern,
                    System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                Problem($"{path}.match: '{pattern}' is not a regular expression .NET runs without backtracking ({ex.Message})");
            }
        }
        var unknown = OptionalString(o, "unknown", path);
        if (unknown is not (null or "keep" or "reject")) Problem($"{path}.unknown: '{unknown}' is not keep or reject");
        if (role == TableRole.Milestone && unknown == "keep") Problem($"{path}.unknown: an unknown status code is always rejected (it must reach quarantine)");
        return new ValueSpec(path, paths, constant)
        {
            Join = OptionalString(o, "join", path) ?? defaultJoin, FirstFound = first, Match = match, Table = table, KeepUnknown = unknown == "keep",
            Default = OptionalString(o, "default", path),
        };
    }

    void CheckTable(string name, string path, TableRole role)
    {
        if (!_tables.TryGetValue(name, out var table))
        {
            Problem($"{path}: no table '{name}' in $.tables");
            return;
        }
        foreach (var (key, value) in table)
        {
            var bad = role switch
            {
                TableRole.Milestone => value is not null && !Vocabulary.IsMilestone(value) ? "a milestone code (or null: no event)" : null,
                TableRole.Classifier => value is null || !Vocabulary.Classifiers.Contains(value) ? "ACT, EST or PLN" : null,
                TableRole.MeasurementType => value is null || !MeasurementTypes.All.Contains(value) ? string.Join(", ", MeasurementTypes.All) : null,
                TableRole.Unit => value is null || Rec20.FromSourceSpelling(value) is null ? "a Rec 20 unit code" : null,
                _ => null,
            };
            if (bad is not null) Problem($"$.tables{JsonInput.MemberSegment(name)}{JsonInput.MemberSegment(key)}: '{value}' is not {bad} (the table is used at {path})");
        }
    }

    JsonSelector? Selector(JToken? token, string path, bool required)
    {
        if (token is null) return required ? Problem<JsonSelector>($"{path}: required") : null;
        if (token.Type != JTokenType.String) return Problem<JsonSelector>($"{path}: expected a selector string such as \"$.events[*]\"");
        if (JsonSelector.TryParse((string)token!, out var selector, out var error)) return selector;
        return Problem<JsonSelector>($"{path}: {error}");
    }

    void Members(JObject o, string[] allowed, string path = "$")
    {
        foreach (var p in o.Properties())
            if (!p.Name.StartsWith('_') && !allowed.Contains(p.Name))
                Problem($"{path}{JsonInput.MemberSegment(p.Name)}: not a member of a mapping here (expected one of {string.Join(", ", allowed)})");
    }

    string? RequiredString(JObject o, string name) =>
        o[name] is { Type: JTokenType.String } t && ((string)t!).Length > 0 ? (string)t! : Problem<string>($"$.{name}: expected a non-empty string");

    string? OptionalString(JObject o, string name, string path = "$") => o[name] switch
    {
        null => null,
        { Type: JTokenType.String } t => (string)t!,
        _ => Problem<string>($"{path}.{name}: expected a string"),
    };

    List<string> Strings(JObject o, string name)
    {
        if (o[name] is not JArray array) return Problem<List<string>>($"$.{name}: expected an array of strings") ?? [];
        var list = new List<string>();
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String) list.Add((string)item!);
            else Problem($"$.{name}: expected strings, found {JsonInput.Describe(item)}");
        }
        return list;
    }

    MappingDefinition? Problem(string problem)
    {
        _problems.Add(problem);
        return null;
    }

    T? Problem<T>(string problem)
    {
        _problems.Add(problem);
        return default;
    }
}
