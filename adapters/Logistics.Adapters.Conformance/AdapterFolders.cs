using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Conformance;

/// <summary>
/// Where an adapter's (or codec's) folder is: the namespace below <c>Logistics.Adapters</c>, one folder per
/// namespace segment. <c>Logistics.Adapters.DcsaTnt.DcsaTntAdapter</c> → <c>DcsaTnt</c>;
/// <c>Logistics.Adapters.Codecs.CayenneLpp.CayenneLppCodec</c> → <c>Codecs/CayenneLpp</c>.
/// The namespace is the rule (not the file path) because it is what a compiled type still knows.
/// </summary>
public static class AdapterFolders
{
    const string RootNamespace = "Logistics.Adapters";

    /// <summary>The folder (with '/' separators) below <c>adapters/Logistics.Adapters/</c>, or null when the type is not in one.</summary>
    public static string? FolderOf(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal))
            return null;
        var rest = ns[(RootNamespace.Length + 1)..];
        return rest.Length == 0 ? null : rest.Replace('.', '/');
    }

    public static string? FolderOf(IAdapter adapter) => FolderOf(adapter.GetType());

    public static string? FolderOf(IPayloadCodec codec) => FolderOf(codec.GetType());
}
