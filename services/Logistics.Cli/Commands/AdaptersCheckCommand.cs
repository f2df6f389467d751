using System.CommandLine;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>adapters check [ID] [--samples-root DIR]</c>: runs the conformance kit over one adapter (or all) and explains
/// each difference, then lists what the registry could not register (a mapping.json with errors, each naming its
/// member). Exit 0 when clean, 1 when anything fails, 2 for an unknown id.
/// Samples are read from, in order: <c>--samples-root</c>; the source tree of the repository the current directory is
/// in (so `./logistics adapters check` from the checkout reads the files being edited); the CLI's build output.
/// The first line of the output says which.
/// </summary>
static class AdaptersCheckCommand
{
    public static Command Build(CliIo io)
    {
        var id = new Argument<string?>("ID") { Description = "adapter id (all adapters when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var samplesRoot = new Option<string?>("--samples-root")
        {
            Description = "folder holding <Folder>/Samples/ (default: the repository's adapters/Logistics.Adapters, else the build output)",
        };
        var command = new Command("check", "Run the conformance kit over an adapter's samples and explain each difference.") { id, samplesRoot };
        command.SetAction(parse => Run(io, parse.GetValue(id), parse.GetValue(samplesRoot)));
        return command;
    }

    static int Run(CliIo io, string? adapterId, string? samplesRootPath)
    {
        var registry = AdapterRegistry.Default;
        if (adapterId is not null && !registry.TryGetAdapter(adapterId, out _))
            throw new CliUsageException($"adapters check: unknown adapter '{adapterId}' (known: {string.Join(", ", registry.Adapters.Select(a => a.Info.Id))})");

        var kit = new ConformanceKit(registry, ResolveRoot(samplesRootPath));
        var report = adapterId is null
            ? kit.CheckAll()
            : new ConformanceReport([kit.Check(adapterId)!], kit.Root.Description);
        io.Out.Write(ReportText.Render(report));
        // A data-only adapter whose mapping does not load is not in the registry at all: say so, and fail.
        foreach (var problem in registry.Problems)
            io.Out.WriteLine($"FAIL registry: {problem}");
        return report.Passed && registry.Problems.Count == 0 ? CliApp.Ok : CliApp.Failed;
    }

    internal static SampleRoot ResolveRoot(string? samplesRootPath)
    {
        if (samplesRootPath is not null)
        {
            return Directory.Exists(samplesRootPath)
                ? new SampleRoot(samplesRootPath) { Description = Path.GetFullPath(samplesRootPath) }
                : throw new CliUsageException($"adapters check: --samples-root '{samplesRootPath}' is not a directory");
        }
        return SampleRoot.FindRepoRoot(Environment.CurrentDirectory) is { } repo
            ? SampleRoot.SourceTree(repo)
            : SampleRoot.BuildOutput();
    }
}
