using System.Buffers.Binary;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Logistics.DemoFeed;

/// <summary>
/// A 2–8 °C logger on a reefer truck from Rotterdam towards Frankfurt, reporting as a LoRaWAN device through
/// The Things Stack: Cayenne LPP channel 1 temperature, 2 humidity, 3 GPS. Every 40th reading starts a warm spell.
/// </summary>
public sealed class SimulatedLogger(IClock clock)
{
    public const string DevEui = "70B3D57ED0050001";
    static readonly (double Lat, double Lon) From = (51.9225, 4.4792), To = (50.1109, 8.6821);
    int _count;

    public byte[] NextUplink()
    {
        var n = _count++;
        var now = clock.GetCurrentInstant();
        var progress = (n % 400) / 400.0;
        var warm = n % 40 is >= 30 and < 36;
        var celsius = warm ? 9.5 + (n % 3) * 0.4 : 4.8 + Math.Sin(n / 5.0) * 0.9;
        var lat = From.Lat + (To.Lat - From.Lat) * progress;
        var lon = From.Lon + (To.Lon - From.Lon) * progress;
        var time = InstantPattern.ExtendedIso.Format(now);
        var uplink = new
        {
            end_device_ids = new { device_id = "demo-logger-1", application_ids = new { application_id = "cold-chain-demo" }, dev_eui = DevEui },
            received_at = time,
            uplink_message = new
            {
                f_port = 1,
                f_cnt = n,
                frm_payload = Convert.ToBase64String(CayennePayload(celsius, 55 + n % 10, lat, lon)),
                rx_metadata = new[] { new { gateway_ids = new { gateway_id = "demo-gateway" }, time, rssi = -92, snr = 7.25 } },
                received_at = time,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(uplink);
    }

    /// <summary>Cayenne LPP, big-endian: [channel, type, value…]; temperature 0.1 °C, humidity 0.5 %, GPS 0.0001° / 0.01 m.</summary>
    static byte[] CayennePayload(double celsius, double humidity, double lat, double lon)
    {
        var p = new byte[4 + 3 + 11];
        p[0] = 1; p[1] = 0x67; BinaryPrimitives.WriteInt16BigEndian(p.AsSpan(2), (short)Math.Round(celsius * 10));
        p[4] = 2; p[5] = 0x68; p[6] = (byte)Math.Round(humidity * 2);
        p[7] = 3; p[8] = 0x88;
        WriteInt24(p.AsSpan(9), (int)Math.Round(lat * 10000));
        WriteInt24(p.AsSpan(12), (int)Math.Round(lon * 10000));
        WriteInt24(p.AsSpan(15), 1200);
        return p;
    }

    static void WriteInt24(Span<byte> span, int value)
    {
        span[0] = (byte)(value >> 16);
        span[1] = (byte)(value >> 8);
        span[2] = (byte)value;
    }
}
