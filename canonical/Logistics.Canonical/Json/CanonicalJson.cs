using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Canonical.Json;

/// <summary>
/// The JSON wire form of CANONICAL.md, written field by field so that names and order are exactly the contract's
/// (the CLI, the HTTP API and the EPCIS export all use it). One event per line in NDJSON.
/// </summary>
public static class CanonicalJson
{
    internal static readonly InstantPattern InstantFormat = InstantPattern.ExtendedIso;
    internal static readonly OffsetPattern OffsetFormat = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>
    /// Relaxed escaping: '+' in offsets and non-ASCII names ("°C", "Köln") are written as themselves, not \u002B.
    /// The wire form is JSON in UTF-8, never embedded in HTML, so HTML-safe escaping would only obscure it.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FormatInstant(Instant instant) => InstantFormat.Format(instant);
    public static string FormatOffset(Offset offset) => OffsetFormat.Format(offset);

    public static string Serialize(CanonicalEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, e);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>NDJSON: one event per line, each line ending in '\n'.</summary>
    public static string ToNdjson(IEnumerable<CanonicalEvent> events)
    {
        var sb = new StringBuilder();
        foreach (var e in events)
            sb.Append(Serialize(e)).Append('\n');
        return sb.ToString();
    }

    public static void Write(Utf8JsonWriter w, CanonicalEvent e)
    {
        w.WriteStartObject();
        w.WriteString("eventId", e.EventId);
        w.WriteString("kind", WireNames.Of(e.Kind));
        w.WriteString("occurredAt", FormatInstant(e.OccurredAt));
        w.WriteString("occurredAtOffset", FormatOffset(e.OccurredAtOffset));
        w.WriteString("offsetSource", WireNames.Of(e.OffsetSource));
        w.WriteString("receivedAt", FormatInstant(e.ReceivedAt));

        WriteSource(w, e.Source);
        WriteRefs(w, e.Refs);

        switch (e)
        {
            case MilestoneEvent m:
                w.WriteStartObject("milestone");
                w.WriteString("code", m.Milestone.Code);
                w.WriteString("classifier", m.Milestone.Classifier.ToString());
                w.WritePropertyName("location");
                WriteLocation(w, m.Location);
                w.WriteEndObject();
                break;
            case MeasurementEvent me:
                var d = me.Measurement;
                w.WriteStartObject("measurement");
                w.WriteString("type", d.Type);
                w.WriteNumber("value", d.Value);
                w.WriteString("unit", d.Unit);
                w.WriteNumber("originalValue", d.OriginalValue);
                w.WriteString("originalUnit", d.OriginalUnit);
                WriteNullableString(w, "sensor", d.Sensor);
                if (d.MinValue is { } min) w.WriteNumber("minValue", min);
                if (d.MaxValue is { } max) w.WriteNumber("maxValue", max);
                w.WriteEndObject();
                break;
            case PositionEvent p:
                var pos = p.Position;
                w.WriteStartObject("position");
                w.WriteNumber("lat", pos.Lat);
                w.WriteNumber("lon", pos.Lon);
                WriteNullableNumber(w, "accuracyM", pos.AccuracyM);
                w.WriteString("method", pos.Method);
                if (pos.SpeedKmh is { } speed) w.WriteNumber("speedKmh", speed);
                if (pos.HeadingDeg is { } heading) w.WriteNumber("headingDeg", heading);
                if (pos.AltitudeM is { } altitude) w.WriteNumber("altitudeM", altitude);
                w.WriteEndObject();
                break;
            case AssociationEvent a:
                w.WriteStartObject("association");
                w.WriteString("action", a.Association.Action);
                WriteReference(w, "parent", a.Association.Parent);
                WriteReference(w, "child", a.Association.Child);
                w.WriteEndObject();
                break;
            case AlarmEvent al:
                w.WriteStartObject("alarm");
                w.WriteString("type", al.Alarm.Type);
                WriteNullableString(w, "sensor", al.Alarm.Sensor);
                WriteNullableNumber(w, "value", al.Alarm.Value);
                WriteNullableString(w, "unit", al.Alarm.Unit);
                WriteNullableString(w, "description", al.Alarm.Description);
                w.WriteEndObject();
                break;
            case RetractionEvent rt:
                w.WriteStartObject("retraction");
                w.WriteString("retractedSourceEventId", rt.Retraction.RetractedSourceEventId);
                WriteNullableString(w, "reason", rt.Retraction.Reason);
                w.WriteEndObject();
                break;
        }

        w.WritePropertyName("location");
        WriteLocation(w, e.Location);
        WriteFlags(w, e.Flags);
        w.WriteEndObject();
    }

    /// <summary>The <c>source</c> member, as in the wire form (for formats that embed parts of it, like the EPCIS export).</summary>
    public static void WriteSource(Utf8JsonWriter w, EventSource source)
    {
        w.WriteStartObject("source");
        w.WriteString("adapter", source.Adapter);
        WriteNullableString(w, "carrier", source.Carrier);
        w.WriteString("rawSha256", source.RawSha256);
        WriteNullableString(w, "sourceCode", source.SourceCode);
        WriteNullableString(w, "sourceEventId", source.SourceEventId);
        w.WriteEndObject();
    }

    /// <summary>The <c>refs</c> member, as in the wire form.</summary>
    public static void WriteRefs(Utf8JsonWriter w, IReadOnlyList<Reference> refs)
    {
        w.WriteStartArray("refs");
        foreach (var r in refs)
            WriteReference(w, null, r);
        w.WriteEndArray();
    }

    /// <summary>The <c>flags</c> member, as in the wire form.</summary>
    public static void WriteFlags(Utf8JsonWriter w, IReadOnlyList<string> flags)
    {
        w.WriteStartArray("flags");
        foreach (var f in flags)
            w.WriteStringValue(f);
        w.WriteEndArray();
    }

    public static CanonicalEvent Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    /// <summary>Reads NDJSON; blank lines are skipped. A bad line throws <see cref="FormatException"/> naming its line number.</summary>
    public static IReadOnlyList<CanonicalEvent> FromNdjson(string ndjson)
    {
        var list = new List<CanonicalEvent>();
        var lineNo = 0;
        foreach (var line in ndjson.Split('\n'))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try { list.Add(Deserialize(line)); }
            catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"line {lineNo}: {ex.Message}", ex);
            }
        }
        return list;
    }

    public static CanonicalEvent Read(JsonElement o)
    {
        var kind = WireNames.ParseKind(o.GetProperty("kind").GetString()!);
        var src = o.GetProperty("source");
        var source = new EventSource(
            src.GetProperty("adapter").GetString()!,
            OptString(src, "carrier"),
            src.GetProperty("rawSha256").GetString()!,
            OptString(src, "sourceCode")) { SourceEventId = OptString(src, "sourceEventId") };
        var refs = o.GetProperty("refs").EnumerateArray().Select(ReadReference).ToArray();
        var location = o.TryGetProperty("location", out var loc) ? ReadLocation(loc) : null;
        var flags = o.TryGetProperty("flags", out var fl) ? fl.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        var occurredAt = InstantFormat.Parse(o.GetProperty("occurredAt").GetString()!).GetValueOrThrow();
        var offset = OffsetFormat.Parse(o.GetProperty("occurredAtOffset").GetString()!).GetValueOrThrow();
        var offsetSource = WireNames.ParseOffsetSource(o.GetProperty("offsetSource").GetString()!);
        var receivedAt = InstantFormat.Parse(o.GetProperty("receivedAt").GetString()!).GetValueOrThrow();

        CanonicalEvent e = kind switch
        {
            EventKind.Milestone => new MilestoneEvent
            {
                OccurredAt = occurredAt, OccurredAtOffset = offset, OffsetSource = offsetSource, ReceivedAt = receivedAt,
                Source = source, Refs = refs,
                Milestone = ReadMilestone(o.GetProperty("milestone")),
            },
            EventKind.Measurement => new MeasurementEvent
            {
                OccurredAt = occurredAt, OccurredAtOffset = offset, OffsetSource = offsetSource, ReceivedAt = receivedAt,
                Source = source, Refs = refs,
                Measurement = ReadMeasurement(o.GetProperty("measurement")),
            },
            EventKind.Position => new PositionEvent
            {
                OccurredAt = occurredAt, OccurredAtOffset = offset, OffsetSource = offsetSource, ReceivedAt = receivedAt,
                Source = source, Refs = refs,
                Position = ReadPosition(o.GetProperty("position")),
            },
            EventKind.Association => new AssociationEvent
            {
                OccurredAt = occurredAt, OccurredAtOffset = offset, OffsetSource = offsetSource, ReceivedAt = receivedAt,
                Source = source, Refs = refs,
                Association = ReadAssociation(o.GetProperty("association")),
            },
            EventKind.Alarm => new AlarmEvent
            {
                OccurredAt = occurredAt, OccurredAtOffset = offset, OffsetSource = offsetSource, ReceivedAt = receivedAt,
                Source = source, Refs = refs,
                Alarm = ReadAlarm(o.GetProperty("alarm")),
            },
            EventKind.Retraction => new RetractionEvent
            {
                OccurredAt = occurredAt, OccurredAtOffset = offset, OffsetSource = offsetSource, ReceivedAt = receivedAt,
                Source = source, Refs = refs,
                Retraction = new RetractionDetail(
                    o.GetProperty("retraction").GetProperty("retractedSourceEventId").GetString()!,
                    OptString(o.GetProperty("retraction"), "reason")),
            },
            _ => throw new FormatException($"unknown kind {kind}"),
        };
        return e with { EventId = o.GetProperty("eventId").GetString()!, Location = location, Flags = flags };
    }

    static MilestoneDetail ReadMilestone(JsonElement m) =>
        new(m.GetProperty("code").GetString()!, Enum.Parse<TimeClassifier>(m.GetProperty("classifier").GetString()!));

    static MeasurementDetail ReadMeasurement(JsonElement m) =>
        new(m.GetProperty("type").GetString()!, m.GetProperty("value").GetDouble(), m.GetProperty("unit").GetString()!,
            m.GetProperty("originalValue").GetDouble(), m.GetProperty("originalUnit").GetString()!, OptString(m, "sensor"))
        {
            MinValue = OptNumber(m, "minValue"),
            MaxValue = OptNumber(m, "maxValue"),
        };

    static PositionDetail ReadPosition(JsonElement p) =>
        new(p.GetProperty("lat").GetDouble(), p.GetProperty("lon").GetDouble(), OptNumber(p, "accuracyM"), p.GetProperty("method").GetString()!)
        {
            SpeedKmh = OptNumber(p, "speedKmh"),
            HeadingDeg = OptNumber(p, "headingDeg"),
            AltitudeM = OptNumber(p, "altitudeM"),
        };

    static AssociationDetail ReadAssociation(JsonElement a) =>
        new(a.GetProperty("action").GetString()!, ReadReference(a.GetProperty("parent")), ReadReference(a.GetProperty("child")));

    static AlarmDetail ReadAlarm(JsonElement a) =>
        new(a.GetProperty("type").GetString()!, OptString(a, "sensor"), OptNumber(a, "value"), OptString(a, "unit"), OptString(a, "description"));

    static Reference ReadReference(JsonElement r) => new(r.GetProperty("scheme").GetString()!, r.GetProperty("value").GetString()!);

    static Location? ReadLocation(JsonElement l) =>
        l.ValueKind == JsonValueKind.Null
            ? null
            : new Location(OptString(l, "unlocode"), OptString(l, "name"), OptNumber(l, "lat"), OptNumber(l, "lon"));

    static string? OptString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static double? OptNumber(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    static void WriteReference(Utf8JsonWriter w, string? name, Reference r)
    {
        if (name is null) w.WriteStartObject(); else w.WriteStartObject(name);
        w.WriteString("scheme", r.Scheme);
        w.WriteString("value", r.Value);
        w.WriteEndObject();
    }

    /// <summary>A location object, or null, as in the wire form (write the property name first).</summary>
    public static void WriteLocation(Utf8JsonWriter w, Location? l)
    {
        if (l is null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        WriteNullableString(w, "unlocode", l.Unlocode);
        WriteNullableString(w, "name", l.Name);
        WriteNullableNumber(w, "lat", l.Lat);
        WriteNullableNumber(w, "lon", l.Lon);
        w.WriteEndObject();
    }

    public static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    public static void WriteNullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    internal static string Invariant(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
