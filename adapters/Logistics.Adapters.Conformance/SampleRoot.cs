namespace Logistics.Adapters.Conformance;

/// <summary>
/// Where adapter folders with their <c>Samples/</c> live: the source tree (<c>adapters/Logistics.Adapters/</c>) or a
/// build output. The Logistics.Adapters project links <c>**/Samples/**</c> to <c>&lt;output&gt;/adapters/&lt;Folder&gt;/Samples/…</c>
/// in the output of every project that references it; <c>&lt;output&gt;/&lt;Folder&gt;/Samples/…</c> is searched second, because
/// that is where the files land when the project uses <c>LinkBase</c> (MSBuild ignores it for items inside the project folder).
/// </summary>
public sealed class SampleRoot
{
    readonly IReadOnlyList<string> _bases;

    /// <summary>Folders whose children are adapter folders, searched in order.</summary>
    public SampleRoot(params string[] bases) => _bases = bases.Select(Path.GetFullPath).ToArray();

    /// <summary>The directories searched, for messages.</summary>
    public IReadOnlyList<string> Bases => _bases;

    /// <summary>What this root is, for the first line of a report ("source tree", "build output", a path).</summary>
    public string Description { get; init; } = "";

    /// <summary>The build output of the running program (tests, the CLI, benchmarks).</summary>
    public static SampleRoot BuildOutput(string? baseDirectory = null)
    {
        var output = baseDirectory ?? AppContext.BaseDirectory;
        return new SampleRoot(Path.Combine(output, "adapters"), output) { Description = $"build output {output}" };
    }

    /// <summary>The source tree of a repository checkout.</summary>
    public static SampleRoot SourceTree(string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "adapters", "Logistics.Adapters");
        return new SampleRoot(dir) { Description = $"source tree {dir}" };
    }

    /// <summary>The <c>Samples/</c> directory of a folder, or null when no base has one.</summary>
    public string? SamplesDirectory(string folder)
    {
        foreach (var b in _bases)
        {
            var dir = Path.Combine(b, folder.Replace('/', Path.DirectorySeparatorChar), "Samples");
            if (Directory.Exists(dir)) return dir;
        }
        return null;
    }

    /// <summary>
    /// The repository root above <paramref name="start"/>: the first directory holding
    /// <c>adapters/Logistics.Adapters/Logistics.Adapters.csproj</c>, or null.
    /// </summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "adapters", "Logistics.Adapters", "Logistics.Adapters.csproj")))
                return dir.FullName;
        }
        return null;
    }
}
