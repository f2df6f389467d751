using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using Logistics.Adapters.Conformance;
using Logistics.Adapters.Sdk;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>adapters new NAME [--mapping] [--family F] [--root DIR]</c>: scaffolds the folder the id names
/// (<see cref="AdapterFolders"/>) under <c>adapters/Logistics.Adapters/</c> — with <c>--mapping</c> a data-only adapter
/// (<c>mapping.json</c>, served by the mapping engine), otherwise a code adapter translating a simple JSON status
/// message and its status map; either with three samples carrying the exact expected output and two rejection samples,
/// so the new folder passes <c>adapters check</c> before the developer replaces the placeholders with the carrier's real
/// format (karrio's scaffold). Refuses to overwrite; a bad name is exit 2.
/// </summary>
public static partial class AdaptersNewCommand
{
    public static Command Build(CliIo io)
    {
        var name = new Argument<string>("NAME") { Description = "PascalCase folder and class name, e.g. AcmeFreight (the adapter id is its kebab-case: acme-freight)" };
        var family = new Option<string>("--family") { Description = $"adapter family: {string.Join(", ", Families().Keys)}", DefaultValueFactory = _ => AdapterFamilies.Road };
        var root = new Option<string?>("--root") { Description = "repository root (default: the repository the current directory is in)" };
        var mapping = new Option<bool>("--mapping") { Description = "a data-only adapter: mapping.json served by the mapping engine, no code" };
        var command = new Command("new", "Scaffold a new adapter folder that passes `adapters check` (code, or --mapping for data only).") { name, family, root, mapping };
        command.SetAction(parse => Run(io, parse.GetValue(name)!, parse.GetValue(family)!, parse.GetValue(root), parse.GetValue(mapping)));
        return command;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{1,39}$")]
    private static partial Regex PascalName();

    static int Run(CliIo io, string name, string family, string? rootPath, bool mapping)
    {
        if (!PascalName().IsMatch(name))
            throw new CliUsageException($"adapters new: '{name}' is not a PascalCase name (letters and digits, starting with a capital, 2-40 characters), e.g. AcmeFreight");
        var families = Families();
        if (!families.TryGetValue(family, out var familyConstant))
            throw new CliUsageException($"adapters new: unknown family '{family}' (one of {string.Join(", ", families.Keys)})");

        var root = rootPath ?? SampleRoot.FindRepoRoot(Environment.CurrentDirectory)
            ?? throw new CliUsageException("adapters new: not inside the repository; run it from the checkout or pass --root DIR");
        var project = Path.Combine(root, "adapters", "Logistics.Adapters");
        if (!File.Exists(Path.Combine(project, "Logistics.Adapters.csproj")))
            throw new CliUsageException($"adapters new: '{root}' is not the repository root (no adapters/Logistics.Adapters/Logistics.Adapters.csproj)");

        var id = KebabCase(name);
        var folderName = AdapterFolders.FolderFor(id);
        var folder = Path.Combine(project, folderName);
        if (Directory.Exists(folder))
            throw new CliUsageException($"adapters new: {Path.GetRelativePath(root, folder)} already exists; not overwriting it");
        if (AdapterRegistry.Default.TryGetAdapter(id, out var existing))
            throw new CliUsageException($"adapters new: adapter id '{id}' is taken by {existing.GetType().FullName}");

        IReadOnlyList<(string RelativePath, string Content)> files;
        if (mapping)
        {
            files = AdaptersMappingScaffold.Files(id, family, io.Clock.GetCurrentInstant(), out var problems);
            if (problems.Count > 0)
                throw new InvalidOperationException($"the mapping scaffold does not load: {problems[0]}");
        }
        else files = AdaptersScaffold.Files(folderName, id, familyConstant, io.Clock.GetCurrentInstant());
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        var shown = Path.GetRelativePath(root, folder).Replace('\\', '/');
        io.Out.WriteLine($"created {shown}/ (adapter id {id}, family {family}{(mapping ? ", data only" : "")}):");
        foreach (var (relative, _) in files)
            io.Out.WriteLine($"  {relative}");
        io.Out.WriteLine(mapping
            ? "next: replace the placeholder samples with the carrier's real messages, edit mapping.json to fit them, then"
            : "next: replace the placeholder samples with real captured messages, adapt the adapter to them, then");
        io.Out.WriteLine($"  ./logistics translate --adapter {id} --received-at 2026-01-01T00:00:00Z {shown}/Samples/<file> > {shown}/Samples/<file>.expected.ndjson");
        io.Out.WriteLine($"  ./logistics adapters check {id}");
        return CliApp.Ok;
    }

    /// <summary>"AcmeFreight" → "acme-freight", "DHLExpress" → "dhl-express", "Tts3Cloud" → "tts3-cloud".</summary>
    public static string KebabCase(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The family values of <see cref="AdapterFamilies"/> → the constant's name, for the generated code.</summary>
    static Dictionary<string, string> Families() =>
        typeof(AdapterFamilies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);
}
