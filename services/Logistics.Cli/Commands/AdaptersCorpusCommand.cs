using System.CommandLine;
using Logistics.Adapters.Sdk;
using NodaTime;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>adapters corpus --adapter ID [--pattern GLOB] PATH…</c>: translates every file of a published corpus (GS1's
/// EPCIS examples, DCSA's conformance messages, a folder of captured messages) and says, per file, how many events it
/// gave or why it was rejected, then a summary line. Exit 0 when nothing was rejected, 1 otherwise, 2 for bad usage.
/// Real corpora, not only our samples: the way to find the formats our adapters do not yet read.
/// </summary>
static class AdaptersCorpusCommand
{
    public static Command Build(CliIo io)
    {
        var adapter = new Option<string>("--adapter") { Description = "adapter id", Required = true };
        var pattern = new Option<string>("--pattern") { Description = "file name pattern inside directories (default *.json*)", DefaultValueFactory = _ => "*.json*" };
        var receivedAt = new Option<string?>("--received-at") { Description = "ISO-8601 instant the messages were received (default: now)" };
        var paths = new Argument<string[]>("PATH") { Description = "files, or directories searched recursively", Arity = ArgumentArity.OneOrMore };
        var command = new Command("corpus", "Translate every file of a corpus and report each file's events or rejection.") { adapter, pattern, receivedAt, paths };
        command.SetAction(parse => Run(io, parse.GetValue(adapter)!, parse.GetValue(pattern)!, parse.GetValue(receivedAt), parse.GetValue(paths)!));
        return command;
    }

    static int Run(CliIo io, string adapterId, string pattern, string? receivedAtText, string[] paths)
    {
        if (!AdapterRegistry.Default.TryGetAdapter(adapterId, out var adapter))
            throw new CliUsageException($"adapters corpus: unknown adapter '{adapterId}' (known: {string.Join(", ", AdapterRegistry.Default.Adapters.Select(a => a.Info.Id))})");
        var receivedAt = CliInstants.OptionOrNow(io, receivedAtText, "adapters corpus", "--received-at");
        var files = Files(paths, pattern);
        if (files.Count == 0) throw new CliUsageException($"adapters corpus: no file matching '{pattern}' under {string.Join(", ", paths)}");

        int translated = 0, empty = 0, rejected = 0, events = 0;
        foreach (var file in files)
        {
            var raw = CliFiles.ReadAllBytes(file, "adapters corpus");
            switch (Guard.Translate(adapter, raw, TranslationContext.For(adapterId, raw, receivedAt)))
            {
                case Translated t:
                    translated++;
                    events += t.Events.Count;
                    if (t.Events.Count == 0) empty++;
                    io.Out.WriteLine($"ok       {t.Events.Count,4} event(s)  {file}");
                    break;
                case Rejected r:
                    rejected++;
                    io.Out.WriteLine($"REJECTED            {file}: {r.Rejection.Message}");
                    break;
            }
        }
        io.Out.WriteLine($"{adapterId}: {files.Count} file(s): {translated} translated ({events} events; {empty} gave no event), {rejected} rejected");
        return rejected == 0 ? CliApp.Ok : CliApp.Failed;
    }

    static List<string> Files(string[] paths, string pattern)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path)) files.AddRange(Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else throw new CliUsageException($"adapters corpus: '{path}' is neither a file nor a directory");
        }
        return files;
    }
}
