using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Adapters.Sdk;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>adapters [--json]</c>: every adapter of the registry (id, family, inbound modes, carriers) and every payload codec.
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
        };
        command.SetAction(parse => parse.GetValue(json) ? WriteJson(io.Out, AdapterRegistry.Default) : WriteTable(io.Out, AdapterRegistry.Default));
        return command;
    }

    internal static int WriteTable(TextWriter w, AdapterRegistry registry)
    {
        var adapters = registry.Adapters;
        var idWidth = Math.Max(2, adapters.Select(a => a.Info.Id.Length).DefaultIfEmpty(0).Max());
        w.WriteLine($"{"ID".PadRight(idWidth)}  {"FAMILY",-9}  {"MODES",-16}  CARRIERS");
        foreach (var a in adapters)
        {
            var carriers = a.Info.Carriers.Count == 0 ? "-" : string.Join(", ", a.Info.Carriers);
            w.WriteLine($"{a.Info.Id.PadRight(idWidth)}  {a.Info.Family,-9}  {string.Join(",", a.Info.ModeNames()),-16}  {carriers}");
        }
        w.WriteLine();
        w.WriteLine("codecs (sensor payloads; --codec on translate, or a device profile):");
        foreach (var c in registry.Codecs)
            w.WriteLine($"  {c.Id}  {c.Description}");
        return CliApp.Ok;
    }

    internal static int WriteJson(TextWriter w, AdapterRegistry registry)
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
                WriteArray(j, "carriers", a.Info.Carriers);
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
