using System.Reflection;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Adapters and codecs found by convention: every concrete <see cref="IAdapter"/> / <see cref="IPayloadCodec"/> /
/// <see cref="IDataAdapterFormat"/> with a public parameterless constructor in the given assemblies, and every data-only
/// adapter — a folder's file of a known format, embedded as <c>&lt;Folder&gt;/&lt;file&gt;</c> in those assemblies or found in the
/// given data folders. A new adapter is a folder; nothing else to register.
/// What cannot be registered (a data file with errors, a folder not named by <see cref="AdapterFolders"/>' rule, an id
/// taken twice) is listed in <see cref="Problems"/> instead of throwing, so one bad folder never hides the others.
/// </summary>
public sealed class AdapterRegistry
{
    public static AdapterRegistry Default { get; } = new([typeof(AdapterRegistry).Assembly]);

    readonly Dictionary<string, IAdapter> _adapters = new(StringComparer.Ordinal);
    readonly Dictionary<string, IPayloadCodec> _codecs = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _dataFolders = new(StringComparer.Ordinal);
    readonly List<string> _problems = [];

    /// <param name="assemblies">Where adapters, codecs, data formats and embedded data adapters are.</param>
    /// <param name="dataFolders">Folders whose sub-folders are data-only adapter folders (a scaffold being written, a test).</param>
    public AdapterRegistry(IEnumerable<Assembly> assemblies, IEnumerable<string>? dataFolders = null)
    {
        var list = assemblies.ToList();
        var types = list.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        foreach (var adapter in Create<IAdapter>(types)) Add(adapter, $"type {adapter.GetType().FullName}");
        foreach (var codec in Create<IPayloadCodec>(types))
        {
            if (!_codecs.TryAdd(codec.Id, codec))
                _problems.Add($"codec id '{codec.Id}' is taken twice ({_codecs[codec.Id].GetType().FullName}, {codec.GetType().FullName})");
        }
        var formats = Create<IDataAdapterFormat>(types).ToList();
        foreach (var assembly in list) LoadEmbedded(assembly, formats);
        foreach (var root in dataFolders ?? []) LoadFolders(root, formats);
    }

    static IEnumerable<T> Create<T>(IEnumerable<Type> types) =>
        types.Where(t => typeof(T).IsAssignableFrom(t)).Select(t => (T)Activator.CreateInstance(t)!);

    public IReadOnlyCollection<IAdapter> Adapters => _adapters.Values.OrderBy(a => a.Info.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<IPayloadCodec> Codecs => _codecs.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>What could not be registered, one line each, naming the folder or type and what is wrong.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public bool TryGetAdapter(string id, out IAdapter adapter) => _adapters.TryGetValue(id, out adapter!);

    public bool TryGetCodec(string id, out IPayloadCodec codec) => _codecs.TryGetValue(id, out codec!);

    /// <summary>Whether an adapter is data-only, and the file it was loaded from (<c>Aramex/mapping.json</c>, or a path).</summary>
    public bool IsDataOnly(IAdapter adapter, out string file) => _dataFolders.TryGetValue(adapter.Info.Id, out file!);

    /// <summary>The codecs a translation may use; adapters of sensor networks look up <see cref="TranslationContext.CodecId"/> here.</summary>
    public static IPayloadCodec? Codec(string? id) => id is not null && Default.TryGetCodec(id, out var c) ? c : null;

    void LoadEmbedded(Assembly assembly, List<IDataAdapterFormat> formats)
    {
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || name.IndexOf('/', slash + 1) >= 0) continue; // exactly <Folder>/<file>
            var format = formats.FirstOrDefault(f => f.FileName == name[(slash + 1)..]);
            if (format is null) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            LoadData(format, name[..slash], name, buffer.ToArray());
        }
    }

    void LoadFolders(string root, List<IDataAdapterFormat> formats)
    {
        if (!Directory.Exists(root))
        {
            _problems.Add($"data adapter folder {root} does not exist");
            return;
        }
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            foreach (var format in formats)
            {
                var file = Path.Combine(dir, format.FileName);
                if (File.Exists(file)) LoadData(format, Path.GetFileName(dir), file, File.ReadAllBytes(file));
            }
    }

    void LoadData(IDataAdapterFormat format, string folder, string file, byte[] content)
    {
        var loaded = format.Load(folder, content);
        foreach (var p in loaded.Problems) _problems.Add($"{file}: {p}");
        if (loaded.Adapter is not { } adapter) return;
        var expected = AdapterFolders.FolderFor(adapter.Info.Id);
        if (expected != folder)
        {
            _problems.Add($"{file}: adapter id '{adapter.Info.Id}' belongs in folder {expected}/ (folder = id by AdapterFolders' rule), not {folder}/");
            return;
        }
        if (Add(adapter, file)) _dataFolders[adapter.Info.Id] = file;
    }

    bool Add(IAdapter adapter, string origin)
    {
        if (_adapters.TryAdd(adapter.Info.Id, adapter)) return true;
        _problems.Add($"{origin}: adapter id '{adapter.Info.Id}' is already taken by {Describe(_adapters[adapter.Info.Id])}");
        return false;
    }

    string Describe(IAdapter adapter) =>
        _dataFolders.TryGetValue(adapter.Info.Id, out var file) ? file : $"type {adapter.GetType().FullName}";
}
