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

    public static string NewDevEui() => "70B3D57ED0" + Random.Shared.Next(0, 0xFFFFFF).ToString("X6");

    static byte[] Int24(int v) => [(byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
