using Logistics.Adapters.Sdk;

namespace Logistics.Testing.Outside;

/// <summary>An adapter outside Logistics.Adapters with no folder of samples: the kit still looks where its id says.</summary>
sealed class OutsideAdapter : IAdapter
{
    public AdapterInfo Info { get; } = new("outside", AdapterFamilies.Road, [], InboundModes.File, "test adapter");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context) =>
        TranslationResult.Reject("byte 0", "nothing");
}
