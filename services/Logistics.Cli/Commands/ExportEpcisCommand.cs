using System.CommandLine;
using Logistics.Adapters.Epcis2.Export;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>export-epcis [--created-at INSTANT] FILE.ndjson</c>: canonical events → one EPCIS 2.0 EPCISDocument on stdout.
/// creationDate is the injected clock's now, or <c>--created-at</c> for reproducible output. Bad NDJSON: exit 2 with
/// one line naming the file and the line number. Events with no EPCIS form (retractions) are named on stderr.
/// </summary>
public sealed class ExportEpcisCommand : ICliCommand
{
    const string Name = "export-epcis";

    public Command Build(CliIo io)
    {
        var createdAt = new Option<string?>("--created-at") { Description = "ISO-8601 instant for the document's creationDate (default: now)" };
        var file = new Argument<string>("FILE") { Description = "canonical events, NDJSON (as `translate` prints them)" };
        var command = new Command(Name, "Export canonical events (NDJSON) as a GS1 EPCIS 2.0 JSON-LD document.") { createdAt, file };
        command.SetAction(parse => Run(io, parse.GetValue(createdAt), parse.GetValue(file)!));
        return command;
    }

    static int Run(CliIo io, string? createdAtText, string path)
    {
        var creationDate = CliInstants.OptionOrNow(io, createdAtText, Name, "--created-at");
        var text = CliFiles.ReadAllText(path, Name);
        IReadOnlyList<CanonicalEvent> events;
        try
        {
            events = CanonicalJson.FromNdjson(text);
        }
        catch (FormatException ex)
        {
            // FromNdjson says "line N: what was wrong"; keep it to one line whatever the parser said.
            throw new CliUsageException($"{Name}: {path}: {ex.Message.ReplaceLineEndings(" ")} (expected one canonical event per line, as `translate` prints them)");
        }

        var export = EpcisExporter.Export(events, creationDate);
        io.Out.WriteLine(export.Json);
        foreach (var skipped in export.NotExported)
            io.Error.WriteLine($"{Name}: {path}: event {skipped.EventId} ({WireNames.Of(skipped.Kind)}) has no EPCIS form; not exported");
        return CliApp.Ok;
    }
}
