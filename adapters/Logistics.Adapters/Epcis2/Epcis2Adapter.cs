using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// GS1 EPCIS 2.0 JSON-LD: an EPCISDocument, an EPCISQueryDocument, a bare array of events or a single event →
/// canonical events (see <see cref="EpcisEventReader"/> for the mapping and Epcis2/README.md for the judgement calls).
/// Pure and tolerant: unknown members are ignored, wrong types are rejected with their JSON path.
/// </summary>
public sealed class Epcis2Adapter : IAdapter
{
    public const string Id = "epcis2";

    public AdapterInfo Info { get; } = new(Id, AdapterFamilies.Epcis, [], InboundModes.Webhook | InboundModes.File,
        "GS1 EPCIS 2.0 JSON-LD (ObjectEvent, AssociationEvent, AggregationEvent, TransactionEvent; sensor data) from any capturing party")
    {
        ContentTypes = ["application/ld+json", "application/json"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        if (!TryParse(raw, out var root, out var parseError)) return parseError!;
        var json = new EpcisJson();
        if (!TryEventList(root!, json, out var events, out var listPath)) return Reject(json);
        var output = new List<CanonicalEvent>(events!.Count * 2);
        var reader = new EpcisEventReader(context, json, output);
        var single = listPath is null;
        for (var i = 0; i < events.Count; i++)
        {
            var path = single ? "$" : string.Create(CultureInfo.InvariantCulture, $"{listPath}[{i}]");
            if (events[i] is not JObject evt)
            {
                json.Fail(path, "an EPCIS event object", events[i]);
                return Reject(json);
            }
            if (!reader.Read(evt, path)) return Reject(json);
        }
        return TranslationResult.Of(output);
    }

    static TranslationResult Reject(EpcisJson json) =>
        new Rejected(json.Error ?? new Rejection("$", "an EPCIS 2.0 JSON-LD document", null));

    static bool TryParse(ReadOnlyMemory<byte> raw, out JToken? root, out TranslationResult? rejection)
    {
        (root, rejection) = (null, null);
        // A document starts with '{' or '[' (after a BOM and whitespace): anything else is not JSON at all, say which byte.
        var span = raw.Span;
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == span.Length)
        {
            rejection = TranslationResult.Reject("byte 0", "an EPCIS 2.0 JSON-LD document", "empty input");
            return false;
        }
        if (span[start] is not ((byte)'{' or (byte)'['))
        {
            rejection = TranslationResult.Reject($"byte {start}", "a JSON object or array (an EPCIS 2.0 JSON-LD document)", $"byte 0x{span[start]:X2}");
            return false;
        }
        var stream = MemoryMarshal.TryGetArray(raw, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(raw.ToArray(), writable: false);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        // Dates stay strings (we parse them with NodaTime, offset and all); depth is bounded against hostile input.
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = 64 };
        try
        {
            root = JToken.ReadFrom(reader);
            // Reading on makes Newtonsoft reject text after the document ("Additional text encountered…").
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException ex)
        {
            var (line, position) = ex is JsonReaderException r ? (r.LineNumber, r.LinePosition) : (reader.LineNumber, reader.LinePosition);
            return Fail(out rejection, reader.Path, line, position, "well-formed JSON", Describe(ex.Message));
        }
    }

    static bool Fail(out TranslationResult? rejection, string path, int line, int position, string expected, string found)
    {
        var where = (path.Length == 0 ? "$" : path.StartsWith('[') ? "$" + path : "$." + path) + $" (line {line}, position {position})";
        rejection = TranslationResult.Reject(where, expected, found);
        return false;
    }

    /// <summary>Newtonsoft's message without its own "Path …" suffix (we say where), on one printable line.</summary>
    static string Describe(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut].TrimEnd('.', ',') : message;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }

    /// <summary>Finds the events: epcisBody.eventList, epcisBody.queryResults.resultsBody.eventList, a bare array, or one event.</summary>
    static bool TryEventList(JToken root, EpcisJson json, out IList<JToken>? events, out string? path)
    {
        (events, path) = (null, null);
        if (root is JArray array) { (events, path) = (array, "$"); return true; }
        if (root is not JObject document)
            return json.Fail("$", "an EPCIS 2.0 JSON-LD document (EPCISDocument, EPCISQueryDocument or an event)", root);
        var type = document["type"] is { Type: JTokenType.String } t ? EpcisJson.Text(t) : null;
        if (type is not null && type.EndsWith("Event", StringComparison.Ordinal) && document["epcisBody"] is null)
        {
            events = [document];
            return true;
        }
        if (type is not (null or "EPCISDocument" or "EPCISQueryDocument"))
            return json.Fail("$.type", "EPCISDocument, EPCISQueryDocument or an EPCIS event type", document["type"]);
        if (document["epcisBody"] is not JObject body) return json.Fail("$.epcisBody", "an object", document["epcisBody"]);
        JToken? list;
        if (type == "EPCISQueryDocument" || (type is null && body["queryResults"] is not null))
        {
            path = "$.epcisBody.queryResults.resultsBody.eventList";
            list = ((body["queryResults"] as JObject)?["resultsBody"] as JObject)?["eventList"];
        }
        else
        {
            path = "$.epcisBody.eventList";
            list = body["eventList"];
        }
        if (list is not JArray items) return json.Fail(path, "an array of EPCIS events", list);
        events = items;
        return true;
    }
}
