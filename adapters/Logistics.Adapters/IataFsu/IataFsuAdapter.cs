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
    /// airlines that send Cargo-IMP/Cargo-XML status updates; the list and its sources are in the carrier catalog.
    /// </summary>
    static readonly string[] AirlinePrefixes =
    [
        "001", "006", "014", "016", "020", "057", "074", "081", "098", "112", "125", "131", "157", "160", "172",
        "176", "180", "205", "217", "235", "297", "369", "406", "607", "618", "695", "724", "784", "781", "999",
    ];

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
