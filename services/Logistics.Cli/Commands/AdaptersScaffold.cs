using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;
using Logistics.Canonical.Time;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Cli.Commands;

/// <summary>
/// The files of a scaffolded adapter folder: the adapter (<see cref="AdaptersScaffoldTemplate"/>), its status map,
/// three samples with source notes and the exact expected NDJSON, and two rejection samples.
/// </summary>
static class AdaptersScaffold
{
    /// <summary>A placeholder message; <see cref="Json"/> is the input file, <see cref="Expected"/> what the adapter makes of it.</summary>
    sealed record SampleMessage(string File, string ShipmentId, string Status, string Milestone, string Time, string? Unlocode, string? Place, bool Estimated)
    {
        public string Json
        {
            get
            {
                var location = Unlocode is null ? "" : $", \"location\": {{\"unlocode\": \"{Unlocode}\", \"name\": \"{Place}\"}}";
                var estimated = Estimated ? ", \"estimated\": true" : "";
                return $"{{\"shipmentId\": \"{ShipmentId}\", \"status\": \"{Status}\", \"time\": \"{Time}\"{location}{estimated}}}\n";
            }
        }
    }

    static readonly SampleMessage[] Samples =
    [
        new("picked-up.json", "SHP-0001", "PUP", MilestoneCodes.PickedUp, "2025-12-29T16:40:00+01:00", "DEHAM", "Hamburg", false),
        new("departed.json", "SHP-0001", "DEP", MilestoneCodes.Departed, "2025-12-30T08:15:00Z", "NLRTM", "Rotterdam", false),
        new("delivery-estimated.json", "SHP-0001", "DLV", MilestoneCodes.Delivered, "2026-01-01T18:00:00+01:00", null, null, true),
    ];

    static readonly (string Code, string Milestone)[] StatusCodes =
    [
        ("PUP", MilestoneCodes.PickedUp), ("DEP", MilestoneCodes.Departed), ("ARR", MilestoneCodes.Arrived),
        ("DLV", MilestoneCodes.Delivered), ("EXC", MilestoneCodes.Exception),
    ];

    public static IReadOnlyList<(string RelativePath, string Content)> Files(string name, string id, string familyConstant, Instant now)
    {
        var note = $"{ConformanceKit.PlaceholderMarker}: written by `./logistics adapters new {name}` on {InstantPattern.General.Format(now)[..10]}. " +
                   $"Replace it with a real captured {name} message, and say here where it comes from (URL, document and section, or capture) and under which licence.\n";
        var files = new List<(string, string)>
        {
            ($"{name}Adapter.cs", AdaptersScaffoldTemplate.Adapter(name, id, familyConstant)),
            ("status-map.json", StatusMap()),
        };
        foreach (var s in Samples)
        {
            files.Add(($"Samples/{s.File}", s.Json));
            files.Add(($"Samples/{s.File}{SampleDiscovery.ExpectedSuffix}", CanonicalJson.ToNdjson([Expected(id, s)])));
            files.Add(($"Samples/{s.File}{SampleDiscovery.SourceSuffix}", note));
        }
        files.Add(("Samples/rejects/truncated.json", "{\"shipmentId\": \"SHP-0001\", \"status\": \"DEP\", \"ti"));
        files.Add(($"Samples/rejects/truncated.json{SampleDiscovery.RejectionSuffix}", "expected well-formed JSON\n"));
        files.Add(("Samples/rejects/unknown-status.json", "{\"shipmentId\": \"SHP-0001\", \"status\": \"XYZ\", \"time\": \"2025-12-30T08:15:00Z\"}\n"));
        files.Add(($"Samples/rejects/unknown-status.json{SampleDiscovery.RejectionSuffix}", "at $.status: expected a status code of status-map.json\n"));
        return files;
    }

    static string StatusMap()
    {
        var entries = string.Join(",\n", StatusCodes.Select(s => $"    \"{s.Code}\": \"{s.Milestone}\""));
        return $"{{\n  \"source\": \"{ConformanceKit.PlaceholderMarker}: name the carrier's status code list here (document, version, URL)\",\n  \"map\": {{\n{entries}\n  }}\n}}\n";
    }

    /// <summary>What the generated adapter makes of a sample, built the same way (the scaffold test proves they agree).</summary>
    static CanonicalEvent Expected(string id, SampleMessage s)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(s.Json);
        var context = TranslationContext.For(id, bytes, SampleContext.DefaultReceivedAt);
        var time = ResolvedTime.Explicit(OffsetDateTimePattern.ExtendedIso.Parse(s.Time).GetValueOrThrow());
        var header = EventHeader.For(context, time, [new Reference(RefSchemes.Shipment, s.ShipmentId)], s.Status)
            with { Location = s.Unlocode is null ? null : new Location(s.Unlocode, s.Place, null, null) };
        return header.Milestone(s.Milestone, s.Estimated ? TimeClassifier.EST : TimeClassifier.ACT);
    }
}
