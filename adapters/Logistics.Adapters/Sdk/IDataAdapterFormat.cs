namespace Logistics.Adapters.Sdk;

/// <summary>
/// A kind of data-only adapter: a file an engine turns into an adapter (<c>mapping.json</c> → the mapping engine). The
/// registry finds every implementation by convention (public parameterless constructor), then every folder holding its
/// <see cref="FileName"/> — embedded as <c>&lt;Folder&gt;/&lt;FileName&gt;</c>, or in a folder given to the registry — and loads it.
/// </summary>
public interface IDataAdapterFormat
{
    /// <summary>The file's name in the adapter folder, e.g. <c>mapping.json</c>.</summary>
    string FileName { get; }

    /// <summary>Loads one file. What is wrong with it is data (where in the file, what was expected), never an exception.</summary>
    DataAdapterLoad Load(string folder, ReadOnlyMemory<byte> content);
}

/// <summary>The adapter a data file defines, or why it defines none.</summary>
public sealed record DataAdapterLoad(IAdapter? Adapter, IReadOnlyList<string> Problems)
{
    public static DataAdapterLoad Of(IAdapter adapter) => new(adapter, []);

    public static DataAdapterLoad Failed(IReadOnlyList<string> problems) => new(null, problems);
}
