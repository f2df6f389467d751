using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.Globalstar;

/// <summary>
/// Globalstar simplex data (SmartOne, SmartOne C, STX3-based devices) as the Globalstar back office pushes it over HTTP: a
/// <c>stuMessages</c> XML document of one or more <c>stuMessage</c>s (<see cref="StuDocument"/>). One event per reading of each message.
/// <list type="bullet">
/// <item>Refs: <c>esn</c>, the transmitter's electronic serial number as the network writes it (<c>0-2682225</c>).</item>
/// <item>Time: <c>unixTime</c>, epoch seconds: the network's time of the message (a SmartOne message carries no clock of its
/// own). Impossible times (before 2000, a GPS week rollover, far ahead) are flagged by the clock checks, never moved.</item>
/// <item>Payload: 9 bytes in the device's format, decoded by the device's codec (<see cref="TranslationContext.CodecFor"/>, e.g.
/// <c>smartone-c</c>); positions are the device's GPS fixes (<c>gnss</c>). Without a codec, a rejection naming the message —
/// the whole delivery is quarantined for replay, since a delivery is acknowledged as one.</item>
/// </list>
/// Source code: <c>stuMessage</c>; source event id: the delivery's <c>messageID</c>.
/// </summary>
public sealed class GlobalstarAdapter : IAdapter
{
    public const string AdapterId = "globalstar";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Satellite, ["Globalstar"], InboundModes.Webhook,
        "Globalstar simplex stuMessages XML (SmartOne, SmartOne C, STX3 devices): the payload via the device's codec (smartone-c, …)")
    {
        ContentTypes = ["text/xml", "application/xml"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var document = StuDocument.Parse(raw);
        if (document.Error is { } error) return new Rejected(error);
        context = context with { Carrier = context.Carrier ?? "Globalstar" };
        var events = new List<CanonicalEvent>(document.Messages.Count * 2);
        foreach (var m in document.Messages)
        {
            Reference[] refs = [new(RefSchemes.Esn, m.Esn)];
            var header = EventHeader.For(context, ResolvedTime.ExplicitUtc(Instant.FromUnixTimeSeconds(m.UnixTime)), refs, "stuMessage", document.MessageId);
            if (context.CodecFor(refs[0].ToString()) is not { } codecId)
                return TranslationResult.Reject(m.PayloadPosition,
                    $"a payload codec for ESN {m.Esn} (set the device profile's codec, e.g. smartone-c)", $"{m.Payload.Length} payload bytes and no codec");
            if (CodecReadings.Add(codecId, m.Payload, null, header, PositionMethods.Gnss, events, m.PayloadPosition,
                    b => $"{m.PayloadPosition} byte {b.ToString(CultureInfo.InvariantCulture)}") is { } rejection)
                return new Rejected(rejection);
        }
        return TranslationResult.Of(events);
    }
}
