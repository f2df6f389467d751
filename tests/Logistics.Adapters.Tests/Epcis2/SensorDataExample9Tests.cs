using Logistics.Canonical.Events;

namespace Logistics.Adapters.Tests.Epcis2;

/// <summary>GS1's SensorDataExample9: sensor reports with an exception are device alarms, not readings.</summary>
public class SensorDataExample9Tests
{
    [Fact]
    public void error_and_alarm_conditions_become_alarms_at_event_time_with_the_declared_offset()
    {
        var events = Epcis2Fixture.Events("SensorDataExample9.jsonld");

        Assert.Equal(2, events.Count);
        var error = Assert.IsType<AlarmEvent>(events[0]);
        Assert.Equal("2020-05-07T15:00:00Z", error.Utc());
        Assert.Equal("+01:00", error.Offset()); // eventTime is in Z, eventTimeZoneOffset says +01:00
        Assert.Equal("temperature", error.Alarm.Type);
        Assert.Equal("ERROR_CONDITION https://example.com/ErrorCode-A827", error.Alarm.Description);
        Assert.Null(error.Alarm.Value);

        var alarm = Assert.IsType<AlarmEvent>(events[1]);
        Assert.Equal("humidity", alarm.Alarm.Type);
        Assert.Equal("ALARM_CONDITION true", alarm.Alarm.Description);
        Assert.Equal("AbsoluteHumidity", alarm.Source.SourceCode);
        Assert.Equal([new Reference("epc", "urn:epc:id:sgtin:4012345.011111.9876")], alarm.Refs);
    }
}
