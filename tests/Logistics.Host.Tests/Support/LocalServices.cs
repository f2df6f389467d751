using Logistics.Adapters.Conformance;
using System.Diagnostics;

namespace Logistics.Host.Tests.Support;

/// <summary>The project's own PostgreSQL and RabbitMQ scripts (deploy/local), run from the repository root.</summary>
public static class LocalServices
{
    public static string RepoRoot { get; } = FindRoot();

    public static void Start(string what = "all") => Run("start.sh", what);

    public static void Stop(string what) => Run("stop.sh", what);

    public static void RabbitCtl(params string[] args) => Run("rabbitmqctl.sh", args);

    static void Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "deploy", "local", script)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"deploy/local/{script} {string.Join(' ', args)} did not finish in 5 minutes");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"deploy/local/{script} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}{stdout.Result}");
    }

    /// <summary>Above the test binaries, or (when built elsewhere with --artifacts-path) above this source file.</summary>
    static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "") =>
        SampleRoot.FindRepoRoot(AppContext.BaseDirectory) ?? SampleRoot.FindRepoRoot(Path.GetDirectoryName(sourceFile)!)
        ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
}
