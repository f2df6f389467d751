using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using NodaTime;

namespace Logistics.Adapters.Epcis2.Export;

/// <summary>An exported EPCISDocument, and the events that have no EPCIS form (retractions; unknown milestone codes).</summary>
public sealed record EpcisExport(string Json, IReadOnlyList<CanonicalEvent> NotExported);

/// <summary>
/// Canonical events → one EPCIS 2.0 EPCISDocument (JSON-LD), one EPCIS event per canonical event: milestones, measurements,
/// positions and alarms as ObjectEvents, associations as AssociationEvents. Each event carries the
/// <see cref="CanonicalExtension"/> field, so our <c>epcis2</c> adapter reads the document back to the same events.
/// Pure: the creation date is given, never read from a clock.
/// </summary>
public static class EpcisExporter
{
    static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // '+' in offsets and '&' in URIs stay readable; the output is JSON for machines, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static EpcisExport Export(IEnumerable<CanonicalEvent> events, Instant creationDate)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var notExported = new List<CanonicalEvent>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue(EpcisVocabulary.Gs1Context);
            w.WriteStartObject();
            w.WriteString(EpcisVocabulary.Prefix, EpcisVocabulary.Namespace);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("type", "EPCISDocument");
            w.WriteString("schemaVersion", "2.0");
            w.WriteString("creationDate", CanonicalJson.FormatInstant(creationDate));
            w.WriteStartObject("epcisBody");
            w.WriteStartArray("eventList");
            foreach (var e in events)
                if (!EpcisEventWriter.TryWrite(w, e))
                    notExported.Add(e);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return new EpcisExport(Encoding.UTF8.GetString(buffer.WrittenSpan), notExported);
    }
}
