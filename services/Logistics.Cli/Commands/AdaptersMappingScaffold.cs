using System.Text;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Logistics.Adapters.Sdk.Mapping;
using Logistics.Canonical.Json;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Cli.Commands;

/// <summary>
/// The files of a scaffolded data-only adapter: <c>mapping.json</c> for a simple JSON tracking response, three samples
/// with source notes and the expected NDJSON the mapping engine makes of them, and two rejection samples — so the folder
/// passes <c>adapters check</c> at once and the developer edits data, not code, towards the carrier's real format.
/// </summary>
static class AdaptersMappingScaffold
{
    static readonly (string File, string Json)[] Samples =
    [
        ("picked-up.json", """{"trackingNumber": "ACME0001", "carrier": "ACME", "events": [{"code": "PUP", "time": "2025-12-29T16:40:00+01:00", "place": {"unlocode": "DEHAM", "name": "Hamburg"}}]}""" + "\n"),
        ("delivered-local-time.json", """{"trackingNumber": "ACME0001", "events": [{"code": "ARR", "time": "2025-12-30T21:05:00", "place": {"unlocode": "NLRTM", "name": "Rotterdam"}}, {"code": "DLV", "time": "2025-12-31T10:12:00", "place": {"unlocode": "NLRTM", "name": "Rotterdam"}}]}""" + "\n"),
        ("exception-no-place.json", """{"trackingNumber": "ACME0002", "events": [{"code": "EXC", "time": "2026-01-02T08:00:00"}, {"code": "INF", "time": "2026-01-02T08:01:00"}]}""" + "\n"),
    ];

    public static string Mapping(string id, string family) => $$"""
        {
          "id": "{{id}}",
          "family": "{{family}}",
          "description": "{{ConformanceKit.PlaceholderMarker}}: what this carrier sends (API, endpoint or webhook), one milestone per event",
          "document": "a {{id}} tracking response (trackingNumber and events)",
          "inbound": ["poll"],
          "carriers": [],
          "docs": "{{ConformanceKit.PlaceholderMarker}}: the carrier's API documentation URL",
          "source": "{{ConformanceKit.PlaceholderMarker}}: where the fields and status codes below are documented (document, version, URL), and which mappings are your judgement",
          "events": [
            {
              "select": "$.events[*]",
              "code": {"path": "@.code", "table": "statuses"},
              "time": {"path": "@.time", "format": "iso"},
              "refs": [{"scheme": "tracking", "path": "$.trackingNumber"}],
              "location": {"unlocode": "@.place.unlocode", "name": "@.place.name"}
            }
          ],
          "tables": {
            "statuses": {
              "PUP": "PICKED_UP",
              "DEP": "DEPARTED",
              "ARR": "ARRIVED",
              "DLV": "DELIVERED",
              "EXC": "EXCEPTION",
              "INF": null
            }
          },
          "notes": {
            "statuses": "each carrier code -> a milestone of CANONICAL.md's vocabulary; null: a known code that is not an event; a code not listed is rejected"
          }
        }

        """;

    public static IReadOnlyList<(string RelativePath, string Content)> Files(string id, string family, Instant now, out IReadOnlyList<string> problems)
    {
        var mapping = Mapping(id, family);
        var definition = MappingLoader.Load(Encoding.UTF8.GetBytes(mapping), out problems);
        var files = new List<(string, string)> { (MappingFormat.File, mapping) };
        if (definition is null) return files;
        var adapter = new MappingAdapter(definition);
        var note = $"{ConformanceKit.PlaceholderMarker}: written by `./logistics adapters new --mapping` on {InstantPattern.General.Format(now)[..10]}. " +
                   "Replace it with a real message from the carrier (or one written from its documentation), and say here where it comes from and under which licence.\n";
        foreach (var (file, json) in Samples)
        {
            var raw = Encoding.UTF8.GetBytes(json);
            var result = adapter.Translate(raw, TranslationContext.For(id, raw, SampleContext.DefaultReceivedAt));
            files.Add(($"Samples/{file}", json));
            files.Add(($"Samples/{file}{SampleDiscovery.ExpectedSuffix}", CanonicalJson.ToNdjson(((Translated)result).Events)));
            files.Add(($"Samples/{file}{SampleDiscovery.SourceSuffix}", note));
        }
        files.Add(("Samples/rejects/unknown-status.json", """{"trackingNumber": "ACME0001", "events": [{"code": "XYZ", "time": "2025-12-30T08:15:00Z"}]}""" + "\n"));
        files.Add(($"Samples/rejects/unknown-status.json{SampleDiscovery.RejectionSuffix}", $"at $.events[0].code: expected a status code listed in {id} mapping.json tables.statuses\n"));
        files.Add(("Samples/rejects/not-a-tracking-response.json", """{"error": "not found"}""" + "\n"));
        files.Add(($"Samples/rejects/not-a-tracking-response.json{SampleDiscovery.RejectionSuffix}", "at $.events: expected a " + id + " tracking response (trackingNumber and events), found nothing there\n"));
        return files;
    }
}
