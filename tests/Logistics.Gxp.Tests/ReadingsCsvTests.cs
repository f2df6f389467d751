using Logistics.Gxp.Assessment;
using NodaTime;

namespace Logistics.Gxp.Tests;

public class ReadingsCsvTests
{
    [Fact]
    public void time_celsius_without_device_column_reads_as_one_logger()
    {
        var r = ReadingsCsv.Parse("time,celsius\n2025-03-01T06:00:00Z,4.5\n2025-03-01T06:10:00.5Z,-1.25\n");
        Assert.Equal([new Reading("logger", Instant.FromUtc(2025, 3, 1, 6, 0), 4.5),
            new Reading("logger", Instant.FromUtc(2025, 3, 1, 6, 10) + Duration.FromMilliseconds(500), -1.25)], r);
    }

    [Fact]
    public void columns_in_any_order_with_device_and_offsets()
    {
        var r = ReadingsCsv.Parse("deviceId,celsius,time\r\nT-9,5,2025-03-01T07:00:00+01:00\r\n");
        Assert.Equal(new Reading("T-9", Instant.FromUtc(2025, 3, 1, 6, 0), 5), Assert.Single(r));
    }

    [Fact]
    public void vendor_export_with_preamble_semicolons_decimal_comma_and_fahrenheit()
    {
        const string text = """
            Logger report;Serial 4711
            Start;2025-03-01

            "Serial";"Timestamp";"Temperature (°F)"
            "SN-1";"2025-03-01 06:00:00Z";"41,0"
            "SN-1";"2025-03-01 06:10:00Z";"46,4"
            """;
        var r = ReadingsCsv.Parse(text);
        Assert.Equal(2, r.Count);
        Assert.Equal("SN-1", r[0].DeviceId);
        Assert.Equal(5.0, r[0].Celsius, 9);
        Assert.Equal(8.0, r[1].Celsius, 9);
    }

    [Theory]
    [InlineData("time,celsius\n2025-03-01T06:00:00Z,abc\n", "readings line 2: temperature 'abc' is not a number")]
    [InlineData("time,celsius\n2025-03-01T06:00:00Z,1\n2025-03-01 06:10,2\n", "readings line 3: time '2025-03-01 06:10' is not an ISO-8601 instant")]
    [InlineData("time,celsius\n2025-03-01T06:00:00Z\n", "readings line 2: expected 2 fields separated by ',', found 1")]
    [InlineData("when,value\n1,2\n", "readings: no header with a time and a temperature column")]
    [InlineData("time,celsius\n", "readings: no readings after the header")]
    [InlineData("time,celsius,deviceId\n2025-03-01T06:00:00Z,1,\n", "readings line 2: deviceId is empty")]
    public void bad_files_are_a_result_naming_the_line(string text, string expected) =>
        Assert.StartsWith(expected, ReadingsCsv.Read(text).Error!.Message);

    [Fact]
    public void a_bad_shipment_file_is_a_result_naming_the_path()
    {
        Assert.StartsWith("shipment $.legs[0].start: 'soon' is not an ISO-8601 instant",
            ShipmentParser.Read("""{"legs": [{"id": "L1", "start": "soon"}]}""").Error!.Message);
        var legs = ShipmentParser.Read("""{"legs": [{"id": "L1", "custodian": "MAEU", "mode": "ocean", "start": "2025-03-01T00:00:00Z", "end": "2025-03-02T00:00:00Z"}]}""").Value!;
        Assert.Equal(new Leg("L1", "MAEU", Instant.FromUtc(2025, 3, 1, 0, 0), Instant.FromUtc(2025, 3, 2, 0, 0), "ocean"), Assert.Single(legs.OrderedLegs));
    }
}
