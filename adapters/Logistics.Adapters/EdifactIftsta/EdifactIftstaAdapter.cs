using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.EdifactIftsta;

/// <summary>
/// UN/EDIFACT IFTSTA international multimodal status reports (UN D.96A and later directories, EANCOM subsets): road,
/// rail, ocean and forwarder status feeds. <see cref="EdifactInterchange"/> splits the interchange with the separators
/// its UNA declares (or the defaults); <see cref="StatusReportReader"/> turns every STS into a milestone. Rejections
/// name the segment (counted from the first after UNA), element and component:
/// "at segment 21 (DTM) element 1 component 2: expected a date CCYYMMDD (format 102), found 20020148".
/// </summary>
public sealed class EdifactIftstaAdapter : IAdapter
{
    public AdapterInfo Info { get; } = new("edifact-iftsta", AdapterFamilies.Edi, [],
        InboundModes.File | InboundModes.Webhook,
        "UN/EDIFACT IFTSTA status reports (CNI consignments, STS statuses, DTM times, LOC places, SSCCs and containers)")
    {
        ContentTypes = ["application/edifact", "text/plain"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        try
        {
            var segments = EdifactInterchange.Parse(raw.Span);
            return TranslationResult.Of(StatusReportReader.Read(segments, IftstaCodes.Default, context));
        }
        catch (EdifactInputException ex)
        {
            return TranslationResult.Reject(ex.Position, ex.Expected, ex.Found);
        }
    }
}
