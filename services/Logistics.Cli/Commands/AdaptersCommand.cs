using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Adapters.Catalog;
using Logistics.Adapters.Sdk;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>adapters [--json]</c>: every adapter of the registry (id, family, inbound modes, kind, the carriers it serves from
/// the carrier catalog) and every payload codec. In JSON each adapter's <c>carriers</c> lists the codes and
/// <c>carrierCatalog</c> the catalog entries (name, mode, inbound, identifiers, docs, claim, confirmed).
/// Its subcommands are the adapter developer's loop: <c>adapters new NAME</c> (<see cref="AdaptersNewCommand"/>) and
/// <c>adapters check [ID]</c> (<see cref="AdaptersCheckCommand"/>).
/// </summary>
public sealed class AdaptersCommand : ICliCommand
{
    public Command Build(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var command = new Command("adapters", "List adapters and codecs; scaffold a new adapter (new) or check one against its samples (check).")
        {
            json,
            AdaptersNewCommand.Build(io),
            AdaptersCheckCommand.Build(io),
            AdaptersCorpusCommand.Build(io),
        };
        command.SetAction(parse => parse.GetValue(json)
            ? WriteJson(io.Out, AdapterRegistry.Default, CarrierCatalog.Load())
            : WriteTable(io.Out, AdapterRegistry.Default, CarrierCatalog.Load()));
        return command;
    }

    /// <summary>The carrier codes of an adapter: the catalog's, then any the adapter names that the catalog does not.</summary>
    internal static IReadOnlyList<string> Carriers(IAdapter adapter, CarrierCatalog catalog) =>
        catalog.Of(adapter.Info.Id).Select(e => e.Code).Concat(adapter.Info.Carriers).Distinct(StringComparer.Ordinal).ToList();

    internal static int WriteTable(TextWriter w, AdapterRegistry registry, CarrierCatalog catalog)
    {
        var adapters = registry.Adapters;
        var idWidth = Math.Max(2, adapters.Select(a => a.Info.Id.Length).DefaultIfEmpty(0).Max());
        w.WriteLine($"{"ID".PadRight(idWidth)}  {"FAMILY",-9}  {"MODES",-16}  CARRIERS");
        foreach (var a in adapters)
        {
            var codes = Carriers(a, catalog);
            var carriers = codes.Count == 0 ? "-" : string.Join(", ", codes);
            w.WriteLine($"{a.Info.Id.PadRight(idWidth)}  {a.Info.Family,-9}  {string.Join(",", a.Info.ModeNames()),-16}  {carriers}");
        }
        w.WriteLine();
        w.WriteLine("codecs (sensor payloads; --codec on translate, or a device profile):");
        foreach (var c in registry.Codecs)
            w.WriteLine($"  {c.Id}  {c.Description}");
        return CliApp.Ok;
    }

    internal static int WriteJson(TextWriter w, AdapterRegistry registry, CarrierCatalog catalog)
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteStartArray("adapters");
            foreach (var a in registry.Adapters)
            {
                j.WriteStartObject();
                j.WriteString("id", a.Info.Id);
                j.WriteString("family", a.Info.Family);
                WriteArray(j, "modes", a.Info.ModeNames());
                j.WriteString("kind", registry.IsDataOnly(a, out _) ? "mapping" : "code");
                WriteArray(j, "carriers", Carriers(a, catalog));
                j.WriteStartArray("carrierCatalog");
                foreach (var e in catalog.Of(a.Info.Id))
                {
                    j.WriteStartObject();
                    j.WriteString("code", e.Code);
                    j.WriteString("name", e.Name);
                    j.WriteString("mode", e.Mode);
                    j.WriteString("inbound", e.Inbound);
                    WriteArray(j, "identifiers", e.Identifiers);
                    j.WriteString("docs", e.Docs);
                    j.WriteString("claim", e.Claim);
                    j.WriteBoolean("confirmed", e.Confirmed);
                    j.WriteEndObject();
                }
                j.WriteEndArray();
                WriteArray(j, "contentTypes", a.Info.ContentTypes);
                j.WriteString("description", a.Info.Description);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartArray("codecs");
            foreach (var c in registry.Codecs)
            {
                j.WriteStartObject();
                j.WriteString("id", c.Id);
                j.WriteString("description", c.Description);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return CliApp.Ok;
    }

    static void WriteArray(Utf8JsonWriter j, string name, IEnumerable<string> values)
    {
        j.WriteStartArray(name);
        foreach (var v in values) j.WriteStringValue(v);
        j.WriteEndArray();
    }
}
