using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.IridiumSbd;

/// <summary>
/// Iridium SBD DirectIP mobile-originated messages (pushed over TCP, or saved as .sbd files).
/// <list type="bullet">
/// <item>The MO location element (IEI 0x03) → a position, method <c>satellite</c>, accuracy = CEP radius, at the session
/// time. Session status 2 means the gateway judged that location of unacceptable quality: kept, flagged
/// <c>source-invalid</c>; a failed session (status ≥ 10) flags every event.</item>
/// <item>The payload (IEI 0x02) is device-specific: it is decoded by the device's codec
/// (<see cref="TranslationContext.CodecFor"/>, e.g. <c>t622</c>); its GNSS fixes keep their own fix time.</item>
/// <item>No codec: the location alone is emitted; with neither a codec nor a location, a rejection naming the payload.</item>
/// </list>
/// Refs: <c>imei</c>. Source code: the session status; source event id: the CDR reference.
/// </summary>
public sealed class IridiumSbdAdapter : IAdapter
{
    public const string AdapterId = "iridium-sbd";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Satellite, ["Iridium"], InboundModes.Webhook | InboundModes.File,
        "Iridium SBD DirectIP MO message: MO location, and the payload via the device's codec (t622, …)")
    {
        ContentTypes = ["application/octet-stream"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var data = raw.Span;
        if (DirectIpMessage.Parse(data, out var error) is not { } mo)
            return TranslationResult.Reject(error!.Position, error.Expected, error.Found);

        var h = mo.Header;
        Reference[] refs = [new(RefSchemes.Imei, h.Imei)];
        context = context with { Carrier = context.Carrier ?? "Iridium" };
        var status = h.SessionStatus.ToString(CultureInfo.InvariantCulture);
        var sessionTime = ResolvedTime.ExplicitUtc(Instant.FromUnixTimeSeconds(h.SessionTime));
        var header = EventHeader.For(context, sessionTime, refs,
            $"session status {status}", $"CDR {h.CdrReference.ToString(CultureInfo.InvariantCulture)}");
        var failed = h.SessionStatus >= 10;
        if (failed) header = header.WithFlag(EventFlags.SourceInvalid);
        var events = new List<CanonicalEvent>(2);

        if (mo.Location is { } loc)
        {
            var locationHeader = h.SessionStatus == 2 ? header.WithFlag(EventFlags.SourceInvalid) : header;
            events.Add(locationHeader.Position(new PositionDetail(loc.Lat, loc.Lon, loc.CepRadiusKm * 1000.0, PositionMethods.Satellite)));
        }

        var payloadPosition = $"byte {mo.PayloadOffset.ToString(CultureInfo.InvariantCulture)} (IEI 0x02 payload)";
        var codecId = context.CodecFor(refs[0].ToString());
        if (codecId is null || !mo.HasPayload || mo.PayloadLength == 0)
        {
            if (events.Count > 0) return TranslationResult.Of(events);
            return mo.HasPayload && mo.PayloadLength > 0
                ? TranslationResult.Reject(payloadPosition,
                    $"a payload decoder for IMEI {h.Imei} (set the device profile's codec, e.g. t622) or an IEI 0x03 MO location",
                    $"{mo.PayloadLength} payload bytes and no location")
                : TranslationResult.Reject("byte 3 (information elements)", "an IEI 0x02 MO payload or an IEI 0x03 MO location", "neither");
        }

        return CodecReadings.Add(codecId, data.Slice(mo.PayloadOffset, mo.PayloadLength), null, header, PositionMethods.Gnss, events,
            payloadPosition, b => $"byte {(mo.PayloadOffset + b).ToString(CultureInfo.InvariantCulture)} (IEI 0x02 payload)") is { } rejection
            ? new Rejected(rejection)
            : TranslationResult.Of(events);
    }
}
