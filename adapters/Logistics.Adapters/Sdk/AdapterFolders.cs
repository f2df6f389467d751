using System.Text;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// The one rule that names an adapter's folder from its id: each '-'-separated part with its first letter upper-cased,
/// joined; a part that starts with a digit is joined with '_' (a namespace segment cannot start with a digit, and
/// <c>X12214</c> would hide the split). <c>dcsa-tnt</c> → <c>DcsaTnt</c>, <c>tts-v3</c> → <c>TtsV3</c>,
/// <c>x12-214</c> → <c>X12_214</c>, <c>epcis2</c> → <c>Epcis2</c>. Codecs live under <c>Codecs/</c> by the same rule
/// (<c>cayenne-lpp</c> → <c>Codecs/CayenneLpp</c>). A code adapter's namespace below <c>Logistics.Adapters</c> is its
/// folder; a data-only adapter's file sits in its folder. The kit, the registry and the benchmarks find samples this way,
/// and a test checks every adapter and codec against it.
/// </summary>
public static class AdapterFolders
{
    public const string RootNamespace = "Logistics.Adapters";
    public const string CodecsFolder = "Codecs";

    /// <summary>The folder below <c>adapters/Logistics.Adapters/</c> for an adapter id.</summary>
    public static string FolderFor(string adapterId)
    {
        var sb = new StringBuilder(adapterId.Length);
        foreach (var part in adapterId.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0 && char.IsAsciiDigit(part[0])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }
        return sb.ToString();
    }

    /// <summary>The folder for a codec id: <c>Codecs/&lt;rule&gt;</c>.</summary>
    public static string CodecFolderFor(string codecId) => CodecsFolder + "/" + FolderFor(codecId);

    public static string FolderOf(IAdapter adapter) => FolderFor(adapter.Info.Id);

    public static string FolderOf(IPayloadCodec codec) => CodecFolderFor(codec.Id);

    /// <summary>
    /// The folder a type's namespace puts it in (<c>Logistics.Adapters.X12_214.X</c> → <c>X12_214</c>,
    /// <c>Logistics.Adapters.Codecs.T622.T622Codec</c> → <c>Codecs/T622</c>), or null outside <c>Logistics.Adapters.*</c>.
    /// </summary>
    public static string? NamespaceFolder(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(RootNamespace.Length + 1)..];
        return rest.Length == 0 ? null : rest.Replace('.', '/');
    }
}
