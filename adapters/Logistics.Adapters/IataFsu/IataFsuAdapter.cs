using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.IataFsu;

/// <summary>
/// IATA Cargo-IMP Status Update (FSU) and Status Answer (FSA) messages, bare or in their Type-B telex envelope
/// (<see cref="TypeBEnvelope"/>): one air waybill, one or more status lines (<see cref="FsuReader"/>), each a milestone
/// plus the planned, estimated or actual departures and arrivals its times give (<see cref="StatusEvents"/>).
/// Times are local at the status airport without a year (<see cref="FsuTime"/>). Rejections name the line (envelope
/// lines count) and the element: "at line 5 (DEP) element 2: expected a day and month DDMMM (24MAR), found 32MAR".
/// </summary>
public sealed class IataFsuAdapter : IAdapter
{
    public AdapterInfo Info { get; } = new("iata-fsu", AdapterFamilies.Air, AirlinePrefixes,
        InboundModes.Webhook | InboundModes.File,
        "IATA Cargo-IMP FSU/FSA status messages (Type-B envelope or bare): air waybill milestones, flight plans and estimates")
    {
        ContentTypes = ["text/plain", "application/x-cargo-imp"],
    };

    /// <summary>
    /// IATA 3-digit airline prefixes (the air waybill's first digits, the carrier code of this adapter's events) of
    /// airlines whose Cargo-IMP status messages are publicly documented; each claim and its source is in the carrier
    /// catalog. Any other airline's FSU translates the same way: the prefix comes from the message.
    /// </summary>
    static readonly string[] AirlinePrefixes = ["001", "014", "016", "081", "125", "157", "172", "176"];

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        try
        {
            var text = TypeBEnvelope.Read(raw.Span);
            var message = FsuReader.Read(text, FsuCodes.Default);
            var sentAt = text.Origin is { } origin ? FsuTime.Origin(origin, context.ReceivedAt) : null;
            var events = new List<CanonicalEvent>(message.Statuses.Count * 2);
            StatusEvents.Add(message, sentAt, FsuCodes.Default, context, events);
            return TranslationResult.Of(events);
        }
        catch (FsuInputException ex)
        {
            return TranslationResult.Reject(ex.Position, ex.Expected, ex.Found);
        }
    }
}
