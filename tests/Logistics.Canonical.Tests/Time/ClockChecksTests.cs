using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Canonical.Tests.Time;

public class checking_device_clocks
{
    static readonly Instant Received = Instant.FromUtc(2026, 1, 1, 0, 0);
    static readonly Duration GpsEra = Duration.FromDays(1024 * 7);

    [Fact]
    public void a_recent_time_has_no_flag() =>
        Assert.Empty(ClockChecks.Flags(Received - Duration.FromMinutes(5), Received));

    [Fact]
    public void a_stale_but_possible_time_has_no_flag() =>
        Assert.Empty(ClockChecks.Flags(Instant.FromUtc(2024, 6, 1, 0, 0), Received));

    [Fact]
    public void a_time_before_2000_is_flagged() =>
        Assert.Equal([EventFlags.ClockBefore2000], ClockChecks.Flags(Instant.FromUtc(1999, 12, 31, 23, 59), Received));

    [Fact]
    public void the_first_instant_of_2000_is_fine() =>
        Assert.Empty(ClockChecks.Flags(ClockChecks.Year2000, Received));

    [Fact]
    public void more_than_25_hours_ahead_is_flagged() =>
        Assert.Equal([EventFlags.ClockInFuture], ClockChecks.Flags(Received + Duration.FromHours(25) + Duration.FromSeconds(1), Received));

    [Fact]
    public void up_to_25_hours_ahead_is_tolerated() =>
        Assert.Empty(ClockChecks.Flags(Received + Duration.FromHours(25), Received));

    [Fact]
    public void one_gps_era_early_is_a_rollover() =>
        Assert.Equal([EventFlags.GpsWeekRollover], ClockChecks.Flags(Received - GpsEra + Duration.FromMinutes(-10), Received));

    [Fact]
    public void two_gps_eras_early_is_a_rollover_before_2000() =>
        Assert.Equal([EventFlags.GpsWeekRollover, EventFlags.ClockBefore2000],
            ClockChecks.Flags(Received - GpsEra * 2 - Duration.FromHours(1), Received));

    [Fact]
    public void a_time_days_away_from_an_era_boundary_is_not_a_rollover() =>
        Assert.Empty(ClockChecks.Flags(Received - GpsEra - Duration.FromDays(3), Received));
}
