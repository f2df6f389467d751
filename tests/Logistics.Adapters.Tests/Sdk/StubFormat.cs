using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Tests.Sdk;

/// <summary>
/// A data-only adapter format for the registry tests: <c>stub-adapter.txt</c> holds the adapter id on its first line;
/// an empty file is a load problem. The adapter rejects everything.
/// </summary>
public sealed class StubFormat : IDataAdapterFormat
{
    public string FileName => "stub-adapter.txt";

    public DataAdapterLoad Load(string folder, ReadOnlyMemory<byte> content)
    {
        var id = System.Text.Encoding.UTF8.GetString(content.Span).Split('\n')[0].Trim();
        return id.Length == 0 ? DataAdapterLoad.Failed(["line 1: expected an adapter id, found nothing"]) : DataAdapterLoad.Of(new StubAdapter(id));
    }

    sealed class StubAdapter(string id) : IAdapter
    {
        public AdapterInfo Info { get; } = new(id, AdapterFamilies.Road, [], InboundModes.File, "stub");

        public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context) => TranslationResult.Reject("byte 0", "nothing");
    }
}
