using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.X12_214;

/// <summary>
/// ANSI X12 214 Transportation Carrier Shipment Status (road LTL/TL carriers, EDI files or posted documents).
/// <see cref="X12Interchange"/> splits the interchange using the delimiters its ISA declares;
/// <see cref="ShipmentStatusReader"/> turns each AT7 status into a milestone. Rejections name the segment number
/// (ISA = 1) and the element, e.g. "at segment 12 (AT7) element 05: expected a date CCYYMMDD, found 2024133".
/// </summary>
public sealed class X12ShipmentStatusAdapter : IAdapter
{
    public AdapterInfo Info { get; } = new("x12-214", AdapterFamilies.Edi, ["ODFL", "SAIA", "RLCA", "ABFS", "XPOL", "SCNN"],
        InboundModes.File | InboundModes.Webhook,
        "ANSI X12 214 transportation carrier shipment status (AT7 statuses, MS1 places, MS2 equipment)")
    {
        ContentTypes = ["application/edi-x12", "text/plain"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var (segments, error) = X12Interchange.Parse(raw.Span);
        if (error is not null)
            return TranslationResult.Reject(error.Position, error.Expected, error.Found);
        try
        {
            return TranslationResult.Of(ShipmentStatusReader.Read(segments!, context));
        }
        catch (X12InputException ex)
        {
            return TranslationResult.Reject(ex.Error.Position, ex.Error.Expected, ex.Error.Found);
        }
    }
}
