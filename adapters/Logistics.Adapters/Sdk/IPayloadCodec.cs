namespace Logistics.Adapters.Sdk;

/// <summary>
/// A sensor payload codec (Cayenne LPP, Milesight, …): bytes from an LPWAN/satellite frame → typed readings.
/// Pure, like adapters; chosen per device profile or by <c>--codec</c>. Needs a public parameterless constructor.
/// </summary>
public interface IPayloadCodec
{
    string Id { get; }

    string Description { get; }

    /// <param name="payload">The application payload (e.g. LoRaWAN FRMPayload).</param>
    /// <param name="port">The LoRaWAN FPort when the network gives one.</param>
    CodecResult Decode(ReadOnlySpan<byte> payload, int? port);
}

/// <summary>One decoded value; <see cref="Channel"/> is the codec's channel/probe id, kept as the sensor id.</summary>
public abstract record DecodedValue(string? Channel);

/// <summary>A reading in the unit the payload carries (e.g. CEL, P1, LUX); the adapter canonicalises units.</summary>
public sealed record DecodedMeasurement(string Type, double Value, string Unit, string? Channel) : DecodedValue(Channel);

/// <summary>A position fix; accuracy (radius in metres), speed and heading when the payload carries them.</summary>
public sealed record DecodedPosition(double Lat, double Lon, double? AltitudeM, string? Channel) : DecodedValue(Channel)
{
    public double? AccuracyM { get; init; }

    public double? SpeedKmh { get; init; }

    public double? HeadingDeg { get; init; }
}

/// <summary>A device-side alarm (threshold crossed, tamper), with the value that raised it when given.</summary>
public sealed record DecodedAlarm(string Type, string? Description, double? Value, string? Unit, string? Channel) : DecodedValue(Channel);

public abstract record CodecResult
{
    public static CodecResult Of(IReadOnlyList<DecodedValue> values) => new CodecDecoded(values);

    public static CodecResult Error(int byteOffset, string expected, string? found = null) =>
        new CodecError(byteOffset, expected, found);
}

public sealed record CodecDecoded(IReadOnlyList<DecodedValue> Values) : CodecResult;

/// <summary>Where in the payload decoding stopped, and what was expected there.</summary>
public sealed record CodecError(int ByteOffset, string Expected, string? Found) : CodecResult;
