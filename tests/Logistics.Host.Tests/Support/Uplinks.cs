using System.Buffers.Binary;

namespace Logistics.Host.Tests.Support;

/// <summary>TTS v3 uplink bodies for tests: a device, a time and a Cayenne LPP temperature (+ optional GPS).</summary>
public static class Uplinks
{
    public static byte[] CayenneTemperature(string devEui, DateTimeOffset time, double celsius, (double Lat, double Lon)? fix = null, int fCnt = 1)
    {
        var payload = new List<byte> { 1, 0x67 };
        var t = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(t, (short)Math.Round(celsius * 10));
        payload.AddRange(t);
        if (fix is { } f)
        {
            payload.AddRange([3, 0x88]);
            payload.AddRange(Int24((int)Math.Round(f.Lat * 10000)));
            payload.AddRange(Int24((int)Math.Round(f.Lon * 10000)));
            payload.AddRange(Int24(500));
        }
        return Body(devEui, time, Convert.ToBase64String(payload.ToArray()), fCnt);
    }

    public static byte[] Body(string devEui, DateTimeOffset time, string frmPayloadBase64, int fCnt = 1)
    {
        var iso = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            end_device_ids = new { device_id = "test-" + devEui.ToLowerInvariant(), application_ids = new { application_id = "tests" }, dev_eui = devEui },
            received_at = iso,
            uplink_message = new
            {
                f_port = 1,
                f_cnt = fCnt,
                frm_payload = frmPayloadBase64,
                rx_metadata = new[] { new { gateway_ids = new { gateway_id = "test-gw" }, time = iso, rssi = -90, snr = 7.0 } },
                received_at = iso,
            },
        });
    }

    /// <summary>
    /// A TTS uplink carrying a T622 tracker report (codec <c>t622</c>): event, lat/lon (int32 LE, 1e-6°), fix time (u32 LE s
    /// since 2000), the device's own valid byte, speed — the device says whether it had a GNSS fix.
    /// </summary>
    public static byte[] T622(string devEui, DateTimeOffset fixTime, double lat, double lon, bool valid, int fCnt = 1)
    {
        var report = new byte[16];
        report[0] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(report.AsSpan(1), (int)Math.Round(lat * 1_000_000));
        BinaryPrimitives.WriteInt32LittleEndian(report.AsSpan(5), (int)Math.Round(lon * 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(report.AsSpan(9), (uint)(fixTime - new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds);
        report[13] = valid ? (byte)1 : (byte)0;
        return Body(devEui, fixTime.AddSeconds(5), Convert.ToBase64String(report), fCnt);
    }

    public static string NewDevEui() => "70B3D57ED0" + Random.Shared.Next(0, 0xFFFFFF).ToString("X6");

    static byte[] Int24(int v) => [(byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
