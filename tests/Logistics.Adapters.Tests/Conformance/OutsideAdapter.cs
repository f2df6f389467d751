using Logistics.Adapters.Sdk;

namespace Logistics.Testing.Outside;

/// <summary>An adapter whose namespace is not below Logistics.Adapters, so the kit cannot know its folder.</summary>
sealed class OutsideAdapter : IAdapter
{
    public AdapterInfo Info { get; } = new("outside", AdapterFamilies.Road, [], InboundModes.File, "test adapter");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context) =>
        TranslationResult.Reject("byte 0", "nothing");
}
