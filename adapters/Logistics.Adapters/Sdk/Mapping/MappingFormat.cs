namespace Logistics.Adapters.Sdk.Mapping;

/// <summary>
/// Data-only adapters declared in <c>mapping.json</c> (docs/writing-an-adapter.md, "Declarative adapters"): the registry
/// finds every <c>&lt;Folder&gt;/mapping.json</c> and serves it with the <see cref="MappingAdapter"/> engine.
/// </summary>
public sealed class MappingFormat : IDataAdapterFormat
{
    public const string File = "mapping.json";

    public string FileName => File;

    public DataAdapterLoad Load(string folder, ReadOnlyMemory<byte> content) =>
        MappingLoader.Load(content, out var problems) is { } definition
            ? DataAdapterLoad.Of(new MappingAdapter(definition))
            : DataAdapterLoad.Failed(problems);
}
