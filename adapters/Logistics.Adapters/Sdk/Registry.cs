using System.Reflection;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Adapters and codecs found by convention: every concrete <see cref="IAdapter"/> / <see cref="IPayloadCodec"/>
/// with a public parameterless constructor in this assembly. A new adapter is a folder; nothing else to register.
/// </summary>
public sealed class AdapterRegistry
{
    public static AdapterRegistry Default { get; } = new([typeof(AdapterRegistry).Assembly]);

    readonly Dictionary<string, IAdapter> _adapters;
    readonly Dictionary<string, IPayloadCodec> _codecs;

    public AdapterRegistry(IEnumerable<Assembly> assemblies)
    {
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        _adapters = Create<IAdapter>(types).ToDictionary(a => a.Info.Id, StringComparer.Ordinal);
        _codecs = Create<IPayloadCodec>(types).ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    static IEnumerable<T> Create<T>(IEnumerable<Type> types) =>
        types.Where(t => typeof(T).IsAssignableFrom(t)).Select(t => (T)Activator.CreateInstance(t)!);

    public IReadOnlyCollection<IAdapter> Adapters => _adapters.Values.OrderBy(a => a.Info.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<IPayloadCodec> Codecs => _codecs.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    public bool TryGetAdapter(string id, out IAdapter adapter) => _adapters.TryGetValue(id, out adapter!);

    public bool TryGetCodec(string id, out IPayloadCodec codec) => _codecs.TryGetValue(id, out codec!);

    /// <summary>The codecs a translation may use; adapters of sensor networks look up <see cref="TranslationContext.CodecId"/> here.</summary>
    public static IPayloadCodec? Codec(string? id) => id is not null && Default.TryGetCodec(id, out var c) ? c : null;
}
