namespace Logistics.Adapters.OrbcommIdp;

/// <summary>A core-modem position reply (SIN 0, MIN 72) as the IsatData Pro Modem Messages description lays it out.</summary>
internal sealed record IdpCorePosition(int FixStatus, int LatitudeMilliMinutes, int LongitudeMilliMinutes, int AltitudeM, int SpeedKmh, int HeadingUnits,
    int DayOfMonth, int MinuteOfDay);

/// <summary>
/// Raw core-modem messages (SIN 0). Reply Position (MIN 72, "IsatData Pro: Modem Messages" 2.5.2): after SIN and MIN, bit fields
/// packed most significant bit first — fixStatus 8 (0 invalid, 1 valid), latitude 24 and longitude 25 (0.001 minutes, two's
/// complement), altitude 15 (m, two's complement), speed 8 (km/h), heading 8 (2° increments), DayOfMonth 5, MinuteOfDay 11:
/// 15 bytes in all.
/// </summary>
internal static class IdpCoreModem
{
    public const int PositionMin = 72;
    public const int PositionLength = 15;

    public static IdpCorePosition? Position(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < PositionLength || raw[0] != 0 || raw[1] != PositionMin) return null;
        var bits = new BitReader(raw[2..]);
        return new IdpCorePosition(
            bits.Unsigned(8), bits.Signed(24), bits.Signed(25), bits.Signed(15), bits.Unsigned(8), bits.Unsigned(8), bits.Unsigned(5), bits.Unsigned(11));
    }

    /// <summary>Reads fields of up to 31 bits, most significant bit first; the caller checks the length first.</summary>
    ref struct BitReader(ReadOnlySpan<byte> data)
    {
        readonly ReadOnlySpan<byte> _data = data;
        int _bit;

        public int Unsigned(int width)
        {
            var value = 0;
            for (var i = 0; i < width; i++, _bit++)
                value = (value << 1) | ((_data[_bit >> 3] >> (7 - (_bit & 7))) & 1);
            return value;
        }

        public int Signed(int width)
        {
            var value = Unsigned(width);
            return (value & (1 << (width - 1))) != 0 ? value - (1 << width) : value;
        }
    }
}
