using System.Collections.Frozen;

namespace Logistics.Adapters.Codecs.CayenneLpp;

/// <summary>How one LPP data type is laid out: size in bytes, scale (value = raw / divisor), signedness, and what it measures.</summary>
/// <param name="Reading">The measurement type the codec reports (canonical names where CANONICAL.md has one).</param>
/// <param name="Unit">UN/CEFACT Rec 20 code of the decoded value.</param>
internal sealed record LppType(byte Code, string Name, int Size, double Divisor, bool Signed, string Reading, string Unit);

/// <summary>
/// The LPP data types: data type = IPSO object id − 3200 (myDevicesIoT/cayenne-docs LORA.md), plus the extended
/// types of the ElectronicCats CayenneLPP library (decoders/decoder.js header table) that devices such as the
/// traccar TTN sample send (time, direction, distance, …). Sizes and scales are from those tables.
/// </summary>
internal static class LppTypes
{
    public const byte Accelerometer = 0x71;
    public const byte Gyrometer = 0x86;
    public const byte Gps = 0x88;
    public const byte Time = 0x85;

    public static readonly FrozenDictionary<byte, LppType> ByCode = new LppType[]
    {
        new(0x00, "Digital Input", 1, 1, false, "digital-input", "C62"),
        new(0x01, "Digital Output", 1, 1, false, "digital-output", "C62"),
        new(0x02, "Analog Input", 2, 100, true, "analog-input", "C62"),
        new(0x03, "Analog Output", 2, 100, true, "analog-output", "C62"),
        new(0x64, "Generic Sensor", 4, 1, false, "generic", "C62"),
        new(0x65, "Illuminance", 2, 1, false, "light", "LUX"),
        new(0x66, "Presence", 1, 1, false, "presence", "C62"),
        new(0x67, "Temperature", 2, 10, true, "temperature", "CEL"),
        new(0x68, "Humidity", 1, 2, false, "humidity", "P1"),
        new(Accelerometer, "Accelerometer", 6, 1000, true, "acceleration", "K40"),
        new(0x73, "Barometer", 2, 10, false, "pressure", "A97"),
        new(0x74, "Voltage", 2, 100, false, "voltage", "VLT"),
        new(0x75, "Current", 2, 1000, false, "current", "AMP"),
        new(0x76, "Frequency", 4, 1, false, "frequency", "HTZ"),
        new(0x78, "Percentage", 1, 1, false, "percentage", "P1"),
        new(0x79, "Altitude", 2, 1, true, "altitude", "MTR"),
        new(0x7D, "Concentration", 2, 1, false, "concentration", "59"),
        new(0x80, "Power", 2, 1, false, "power", "WTT"),
        new(0x82, "Distance", 4, 1000, false, "distance", "MTR"),
        new(0x83, "Energy", 4, 1000, false, "energy", "KWH"),
        new(0x84, "Direction", 2, 1, false, "direction", "DD"),
        new(Time, "Time", 4, 1, false, "time", "SEC"),
        new(Gyrometer, "Gyrometer", 6, 100, true, "angular-velocity", "E96"),
        new(Gps, "GPS Location", 9, 1, true, "position", ""),
        new(0x8E, "Switch", 1, 1, false, "switch", "C62"),
    }.ToFrozenDictionary(t => t.Code);
}
