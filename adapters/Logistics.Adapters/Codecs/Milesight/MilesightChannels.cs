using Logistics.Adapters.Sdk;

namespace Logistics.Adapters.Codecs.Milesight;

/// <summary>The Milesight channels this codec reads: their data sizes, and the alarm byte's meaning.</summary>
internal static class MilesightChannels
{
    /// <summary>Data bytes after (id, type), or −1 for a channel this codec does not know.</summary>
    public static int Size(byte id, byte type) => (id, type) switch
    {
        // Device information (sent after join): version, serial number, class, reset, status.
        (0xFF, 0x01 or 0x0B or 0x0F or 0xFE) => 1,
        (0xFF, 0x09 or 0x0A or 0xFF) => 2,
        (0xFF, 0x16) => 8,
        (0xFF or 0xFE, _) => -1,
        (0x20, 0xCE) => 8,
        (_, 0x75) => 1,
        (_, 0x68) => 1,
        (_, 0x00) => 1,
        (_, 0x7D or 0x73) => 2,
        (_, 0x67) => (id & 0xF0) switch { 0x00 => 2, 0x80 => 3, 0x90 => 5, 0xB0 => 1, _ => -1 },
        (_, 0xD7) when (id & 0xF0) == 0x90 => 5,
        (0x04 or 0x84, 0x88) => 9,
        _ => -1,
    };

    /// <summary>
    /// The alarm byte of the 8x/9x temperature channels (TS201, TS30x: 0 release, 1 threshold, 2 mutation;
    /// AT101 sends 0/1 for normal/abnormal). A release is kept as an alarm event too: the device said it.
    /// </summary>
    public static DecodedAlarm Alarm(byte code, double celsius, string probe) => code switch
    {
        0 => new DecodedAlarm("temperature-threshold-release", "Threshold Alarm Release", celsius, "CEL", probe),
        1 => new DecodedAlarm("temperature-threshold", "Threshold Alarm", celsius, "CEL", probe),
        2 => new DecodedAlarm("temperature-mutation", "Mutation Alarm", celsius, "CEL", probe),
        _ => new DecodedAlarm("temperature-alarm", $"alarm code {code}", celsius, "CEL", probe),
    };
}
