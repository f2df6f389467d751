using System.CommandLine;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Json;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>translate --adapter ID [--codec ID] [--carrier CODE] [--received-at INSTANT] FILE</c>: canonical NDJSON on stdout;
/// on a file it cannot translate, exit 2 with one line naming the adapter, the position and what was expected.
/// </summary>
public sealed class TranslateCommand : ICliCommand
{
    public Command Build(CliIo io)
    {
        var adapter = new Option<string>("--adapter") { Description = "adapter id (see `./logistics adapters`)", Required = true };
        var codec = new Option<string?>("--codec") { Description = "payload codec for sensor payloads (cayenne-lpp, milesight, …)" };
        var carrier = new Option<string?>("--carrier") { Description = "carrier code, when the payload does not name it" };
        var receivedAt = new Option<string?>("--received-at") { Description = "ISO-8601 instant the message was received (default: now)" };
        var file = new Argument<string>("FILE") { Description = "the raw payload" };
        var command = new Command("translate", "Translate one raw payload into canonical events (NDJSON).") { adapter, codec, carrier, receivedAt, file };
        command.SetAction(parse => Run(io,
            parse.GetValue(adapter)!, parse.GetValue(codec), parse.GetValue(carrier), parse.GetValue(receivedAt), parse.GetValue(file)!));
        return command;
    }

    static int Run(CliIo io, string adapterId, string? codecId, string? carrier, string? receivedAtText, string path)
    {
        if (!AdapterRegistry.Default.TryGetAdapter(adapterId, out var adapter))
            throw new CliUsageException($"translate: unknown adapter '{adapterId}' (known: {string.Join(", ", AdapterRegistry.Default.Adapters.Select(a => a.Info.Id))})");
        if (codecId is not null && !AdapterRegistry.Default.TryGetCodec(codecId, out _))
            throw new CliUsageException($"translate: unknown codec '{codecId}' (known: {string.Join(", ", AdapterRegistry.Default.Codecs.Select(c => c.Id))})");
        var receivedAt = CliInstants.OptionOrNow(io, receivedAtText, "translate", "--received-at");
        var raw = CliFiles.ReadAllBytes(path, "translate");

        var context = TranslationContext.For(adapterId, raw, receivedAt) with { CodecId = codecId, Carrier = carrier };
        switch (Guard.Translate(adapter, raw, context))
        {
            case Translated t:
                io.Out.Write(CanonicalJson.ToNdjson(t.Events));
                return CliApp.Ok;
            case Rejected r:
                io.Error.WriteLine($"{adapterId}: {path}: {r.Rejection.Message}");
                return CliApp.BadInput;
            default:
                throw new InvalidOperationException("unreachable");
        }
    }
}
