using System.Runtime.CompilerServices;
using Logistics.Adapters.Conformance;
using NodaTime;
using NodaTime.Testing;

namespace Logistics.Cli.Tests;

/// <summary>What one in-process run of the CLI did.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs <see cref="CliApp.Run(string[], CliIo)"/> in-process with captured output and a fixed clock.</summary>
public static class CliRunner
{
    public static readonly Instant Now = Instant.FromUtc(2026, 1, 15, 9, 30);

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, new CliIo(stdout, stderr, new FakeClock(Now)));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository checkout these tests were compiled from (found from this source file's path).</summary>
    public static string RepoRoot([CallerFilePath] string here = "") =>
        SampleRoot.FindRepoRoot(Path.GetDirectoryName(here)!) ?? throw new InvalidOperationException($"no repository above {here}");
}
