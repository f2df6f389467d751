using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Logistics.Cli.Tests.Adapters;

/// <summary>
/// The scaffold for real: copy the adapters project (with canonical and the root build files) to a temp folder,
/// run <c>adapters new Acme</c> there, <c>dotnet build</c> it, and run the conformance kit over the freshly built
/// Logistics.Adapters.dll — so the generated code compiles under warnings-as-errors and produces exactly the expected
/// output the CLI wrote beside its samples. Takes ~30–60 s (a real build).
/// </summary>
public sealed class ScaffoldBuildTests : IDisposable
{
    readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("scaffold-");

    [Fact]
    public void a_scaffolded_adapter_builds_and_passes_the_conformance_kit()
    {
        var repo = CliRunner.RepoRoot();
        foreach (var dir in new[] { "adapters/Logistics.Adapters", "canonical" })
            AdaptersCheckTests.CopyDirectory(Path.Combine(repo, dir), Path.Combine(_root.FullName, dir));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            File.Copy(Path.Combine(repo, file), Path.Combine(_root.FullName, file));

        var created = CliRunner.Run("adapters", "new", "Acme", "--root", _root.FullName);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Equal(2, CliRunner.Run("adapters", "new", "Acme", "--root", _root.FullName).ExitCode);

        var project = Path.Combine(_root.FullName, "adapters", "Logistics.Adapters");
        var (exit, log) = Build(Path.Combine(project, "Logistics.Adapters.csproj"));
        Assert.True(exit == 0, $"the scaffold does not build:\n{log}");

        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        var builtSamples = Logistics.Adapters.Conformance.SampleRoot.BuildOutput(output).SamplesDirectory("Acme");
        Assert.True(builtSamples is not null && File.Exists(Path.Combine(builtSamples, "departed.json")), $"the samples are not in the build output {output}");

        foreach (var samplesRoot in new[] { project, Path.GetDirectoryName(Path.GetDirectoryName(builtSamples))! })
        {
            var (passed, text) = RunKit(Path.Combine(output, "Logistics.Adapters.dll"), "acme", samplesRoot);
            Assert.True(passed, text);
            Assert.StartsWith("PASS acme  (3 samples, 2 rejection samples; folder Acme", text, StringComparison.Ordinal);
            Assert.Contains("warn its source note is still the scaffold's placeholder", text, StringComparison.Ordinal);
        }
    }

    static (int Exit, string Log) Build(string csproj)
    {
        // No build server or node reuse: nothing of this test keeps running after it.
        var psi = new ProcessStartInfo("dotnet", ["build", csproj, "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "dotnet build timed out after 5 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>
    /// The kit, loaded beside the freshly built adapters assembly in its own load context (this process already has
    /// its own Logistics.Adapters), called through <c>ConformanceKit.CheckText</c>, which only passes framework types.
    /// </summary>
    static (bool Passed, string Text) RunKit(string adaptersDll, string adapterId, string samplesRoot)
    {
        var kitDll = Path.Combine(AppContext.BaseDirectory, "Logistics.Adapters.Conformance.dll");
        var context = new ScaffoldLoadContext(adaptersDll, kitDll);
        try
        {
            var kit = context.LoadFromAssemblyPath(kitDll).GetType("Logistics.Adapters.Conformance.ConformanceKit", throwOnError: true)!;
            var check = kit.GetMethod("CheckText", BindingFlags.Public | BindingFlags.Static)!;
            return ((bool, string))check.Invoke(null, [adapterId, samplesRoot])!;
        }
        finally
        {
            context.Unload();
        }
    }

    sealed class ScaffoldLoadContext(string adaptersDll, string kitDll) : AssemblyLoadContext("scaffold", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) => name.Name switch
        {
            "Logistics.Adapters" => LoadFromAssemblyPath(adaptersDll),
            "Logistics.Adapters.Conformance" => LoadFromAssemblyPath(kitDll),
            _ => null, // canonical model, NodaTime, JSON Schema: shared with this process
        };
    }

    public void Dispose() => _root.Delete(recursive: true);
}
