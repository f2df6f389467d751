using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;
using Logistics.Canonical.Time;
using NodaTime.Text;

namespace Logistics.Adapters.TtsV3;

/// <summary>
/// The Things Stack v3 uplink webhook (TTN community and TTS clusters). One event per reading of the uplink.
/// <list type="bullet">
/// <item>Refs: <c>devEui</c> (upper-case 16 hex) then <c>deviceId</c>.</item>
/// <item>Time: <c>uplink_message.received_at</c> (the network server's clock, always NTP-synced), then the top-level
/// <c>received_at</c>, then <c>rx_metadata[0].time</c> — gateway clocks without GPS drift (the traccar sample's gateway
/// is six minutes off), so they come last. A reading with its own time (history records, LPP time, a
/// <c>decoded_payload.time</c>) keeps it.</item>
/// <item>Payload: the device's codec (<see cref="TranslationContext.CodecFor"/>) decodes <c>frm_payload</c>; without one,
/// the readings TTS's payload formatter put in <c>decoded_payload</c>; with neither, a rejection — readings we cannot
/// read are quarantined for replay once the device profile names a codec, never silently dropped. An uplink with no
/// payload at all has nothing to read and gives no events.</item>
/// <item>Positions TTS attached (<c>uplink_message.locations</c>) are added, see <see cref="TtsLocations"/>.</item>
/// </list>
/// Non-uplink messages (join accepts, downlink events, location_solved) carry no readings and are rejected.
/// </summary>
public sealed class TtsV3Adapter : IAdapter
{
    public const string AdapterId = "tts-v3";
    const string FrmPayloadPath = "$.uplink_message.frm_payload";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Lpwan, ["TTN", "TTS"], InboundModes.Webhook,
        "The Things Stack v3 (TTN / TTS) uplink webhook: frm_payload via the device's codec, or decoded_payload");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        // The reader does not validate UTF-8 inside strings; GetString would throw later, so check up front (vectorised).
        if (!Utf8.IsValid(raw.Span))
            return TranslationResult.Reject("$", "a JSON object in UTF-8 (The Things Stack v3 webhook body)", "bytes that are not UTF-8");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(raw); }
        catch (JsonException ex)
        {
            return TranslationResult.Reject("$", "a JSON object (The Things Stack v3 webhook body)",
                $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}");
        }
        using (doc)
        {
            try { return Translate(doc.RootElement, context); }
            catch (InvalidOperationException ex)
            {
                // An escaped lone surrogate ("\ud800") is valid JSON but no valid string.
                return TranslationResult.Reject("$", "JSON strings of valid Unicode", ex.Message);
            }
        }
    }

    static TranslationResult Translate(JsonElement root, TranslationContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return TranslationResult.Reject("$", "a JSON object (The Things Stack v3 webhook body)", root.ValueKind.ToString());
        if (!root.TryGetProperty("end_device_ids", out var ids) || ids.ValueKind != JsonValueKind.Object)
            return TranslationResult.Reject("$.end_device_ids", "an object naming the end device (device_id, dev_eui)");
        if (Str(ids, "device_id") is not { Length: > 0 } deviceId)
            return TranslationResult.Reject("$.end_device_ids.device_id", "the device id");
        string? devEui = null;
        if (ids.TryGetProperty("dev_eui", out var euiElement) && euiElement.ValueKind != JsonValueKind.Null)
        {
            // A DevEUI we cannot read must not be skipped: the readings would land in another device's stream.
            if (euiElement.ValueKind != JsonValueKind.String || !DevEui.TryParse(euiElement.GetString(), out var eui, out _))
                return TranslationResult.Reject("$.end_device_ids.dev_eui", "a DevEUI of 16 hex digits", Describe(euiElement));
            devEui = eui.Value;
        }
        if (!root.TryGetProperty("uplink_message", out var up) || up.ValueKind != JsonValueKind.Object)
            return TranslationResult.Reject("$.uplink_message",
                "an uplink_message (join_accept, downlink and location_solved messages carry no readings)", MessageKind(root));

        var timeResult = FrameTime(root, up);
        if (timeResult.Error is { } timeError) return timeError;

        Reference[] refs = devEui is null
            ? [new(RefSchemes.DeviceId, deviceId)]
            : [new(RefSchemes.DevEui, devEui), new(RefSchemes.DeviceId, deviceId)];
        int? fPort = null;
        if (up.TryGetProperty("f_port", out var fp) && fp.ValueKind != JsonValueKind.Null)
        {
            if (fp.ValueKind != JsonValueKind.Number || !fp.TryGetInt32(out var port) || port is < 0 or > 255)
                return TranslationResult.Reject("$.uplink_message.f_port", "a LoRaWAN FPort, an integer 0..255", Describe(fp));
            fPort = port;
        }
        context = context with { Carrier = context.Carrier ?? Carrier(up) };
        var source = context.SourceFor(fPort is { } p ? $"fPort {p.ToString(CultureInfo.InvariantCulture)}" : "uplink", CorrelationId(root));
        var frame = new ReadingEvents.Frame(timeResult.Time, context, source, refs, PositionMethods.Gnss);

        byte[]? payload = null;
        if (up.TryGetProperty("frm_payload", out var payloadElement)
            && (payloadElement.ValueKind != JsonValueKind.String || !payloadElement.TryGetBytesFromBase64(out payload)))
            return TranslationResult.Reject(FrmPayloadPath, "base64 (RFC 4648) bytes", "text that is not base64");

        var hasDecoded = up.TryGetProperty("decoded_payload", out var decoded) && decoded.ValueKind == JsonValueKind.Object;
        if (payload is not { Length: > 0 } && !hasDecoded)
        {
            // An empty uplink (a confirmation, an ADR/link check) carries no readings: nothing to lose, nothing to quarantine.
            var none = new List<CanonicalEvent>();
            TtsLocations.Add(up, frame, payloadDecodedByCodec: false, none);
            return TranslationResult.Of(none);
        }
        if ((context.CodecFor(refs[0].ToString()) ?? (refs.Length > 1 ? context.CodecFor(refs[1].ToString()) : null)) is { } codecId)
        {
            var fromCodec = FromCodec(payload, codecId, fPort, frame);
            if (fromCodec is not Translated t) return fromCodec;
            var events = t.Events.ToList();
            TtsLocations.Add(up, frame, payloadDecodedByCodec: true, events);
            return TranslationResult.Of(events);
        }
        if (hasDecoded)
        {
            var fromDecoded = TtsDecodedPayload.Translate(decoded, frame, out var decodedFrame);
            if (fromDecoded is Translated { Events.Count: > 0 } t)
            {
                var events = t.Events.ToList();
                TtsLocations.Add(up, decodedFrame, payloadDecodedByCodec: false, events);
                return TranslationResult.Of(events);
            }
            if (fromDecoded is Rejected) return fromDecoded;
        }
        return TranslationResult.Reject(FrmPayloadPath,
            $"a payload codec for device {devEui ?? deviceId} (set the device profile's codec, or ?codec=cayenne-lpp|milesight)",
            "no codec and no decoded_payload readings");
    }

    static TranslationResult FromCodec(byte[]? payload, string codecId, int? fPort, ReadingEvents.Frame frame)
    {
        if (AdapterRegistry.Codec(codecId) is not { } codec)
            return TranslationResult.Reject(FrmPayloadPath, "a known payload codec", $"'{codecId}'");
        if (payload is null)
            return TranslationResult.Reject(FrmPayloadPath, $"a base64 FRMPayload for the {codecId} codec", "none");
        switch (codec.Decode(payload, fPort))
        {
            case CodecError err:
                return TranslationResult.Reject($"{FrmPayloadPath} byte {err.ByteOffset.ToString(CultureInfo.InvariantCulture)}",
                    $"{err.Expected} ({codecId})", err.Found);
            case CodecDecoded ok:
                var events = new List<CanonicalEvent>(ok.Values.Count);
                ReadingEvents.AddAll(ok.Values, frame, events);
                return TranslationResult.Of(events);
            default:
                return TranslationResult.Reject(FrmPayloadPath, "a codec result", codec.GetType().Name);
        }
    }

    readonly record struct TimeResult(ResolvedTime Time, TranslationResult? Error);

    static TimeResult FrameTime(JsonElement root, JsonElement up)
    {
        if (up.TryGetProperty("received_at", out var t)) return ParseTime(t, "$.uplink_message.received_at");
        if (root.TryGetProperty("received_at", out t)) return ParseTime(t, "$.received_at");
        if (up.TryGetProperty("rx_metadata", out var rx) && rx.ValueKind == JsonValueKind.Array && rx.GetArrayLength() > 0
            && rx[0].ValueKind == JsonValueKind.Object && rx[0].TryGetProperty("time", out t))
            return ParseTime(t, "$.uplink_message.rx_metadata[0].time");
        return new(default, TranslationResult.Reject("$.uplink_message.received_at", "the network server's receive time (RFC 3339)"));
    }

    /// <summary>An RFC 3339 time with offset ('Z' included) → explicit; TTS writes UTC with nanoseconds.</summary>
    internal static bool TryParseTime(JsonElement t, out ResolvedTime time)
    {
        time = default;
        if (t.ValueKind != JsonValueKind.String || OffsetDateTimePattern.ExtendedIso.Parse(t.GetString()!) is not { Success: true } parsed)
            return false;
        time = ResolvedTime.Explicit(parsed.Value);
        return true;
    }

    static TimeResult ParseTime(JsonElement t, string path) =>
        TryParseTime(t, out var time)
            ? new(time, null)
            : new(default, TranslationResult.Reject(path, "an RFC 3339 time with offset (e.g. 2023-05-19T05:33:35.6Z)",
                t.ValueKind == JsonValueKind.String ? $"'{t.GetString()}'" : t.ValueKind.ToString()));

    static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string Describe(JsonElement e) => e.ValueKind == JsonValueKind.String ? $"'{e.GetString()}'" : e.ValueKind.ToString().ToLowerInvariant();

    /// <summary>TTN is the community network (tenant "ttn"); any other tenant is a The Things Stack deployment.</summary>
    static string? Carrier(JsonElement up) =>
        up.TryGetProperty("network_ids", out var n) && n.ValueKind == JsonValueKind.Object
            ? Str(n, "tenant_id") == "ttn" ? "TTN" : "TTS"
            : null;

    /// <summary>The application server's uplink correlation id ("as:up:…"): TTS's own id for this uplink.</summary>
    static string? CorrelationId(JsonElement root)
    {
        if (!root.TryGetProperty("correlation_ids", out var c) || c.ValueKind != JsonValueKind.Array) return null;
        foreach (var id in c.EnumerateArray())
            if (id.ValueKind == JsonValueKind.String && id.GetString() is { } s && s.StartsWith("as:up:", StringComparison.Ordinal))
                return s;
        return null;
    }

    static string MessageKind(JsonElement root)
    {
        foreach (var p in root.EnumerateObject())
            if (p.Name is not ("end_device_ids" or "correlation_ids" or "received_at" or "unique_id"))
                return $"'{p.Name}'";
        return "no message";
    }
}
