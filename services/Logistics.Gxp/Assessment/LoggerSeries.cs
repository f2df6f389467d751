using NodaTime;

namespace Logistics.Gxp.Assessment;

/// <summary>
/// One logger's readings after sorting and averaging duplicates, with the time each reading holds
/// (sample-and-hold, gap rule applied) and the assessed period. Times are Unix ticks (100 ns) for speed.
/// </summary>
public sealed class LoggerSeries
{
    readonly long[] ticks;
    readonly double[] celsius;
    readonly int[] copies;
    readonly long[] heldEnd;

    internal LoggerSeries(string deviceId, long[] ticks, double[] celsius, int[] copies, long[] heldEnd,
        int firstAssessed, int endAssessed, long assessedEndTicks)
    {
        DeviceId = deviceId;
        this.ticks = ticks;
        this.celsius = celsius;
        this.copies = copies;
        this.heldEnd = heldEnd;
        FirstAssessed = firstAssessed;
        EndAssessed = endAssessed;
        AssessedEndTicks = assessedEndTicks;
    }

    /// <summary>The logger.</summary>
    public string DeviceId { get; }
    /// <summary>Number of distinct reading instants.</summary>
    public int Count => ticks.Length;
    /// <summary>Reading instants, ascending, as Unix ticks.</summary>
    public ReadOnlySpan<long> Ticks => ticks;
    /// <summary>Values (duplicates averaged).</summary>
    public ReadOnlySpan<double> Celsius => celsius;
    /// <summary>How many raw readings each instant stands for (1 = no duplicate).</summary>
    public ReadOnlySpan<int> Copies => copies;
    /// <summary>End of the time each reading holds, before clipping to the assessed period; a gap follows when it is before the next reading.</summary>
    public ReadOnlySpan<long> HeldEnd => heldEnd;
    /// <summary>Index of the first assessed reading (== <see cref="Count"/> when none is assessed).</summary>
    public int FirstAssessed { get; }
    /// <summary>Index after the last assessed reading.</summary>
    public int EndAssessed { get; }
    /// <summary>End of the assessed period (Unix ticks): held time is clipped here.</summary>
    public long AssessedEndTicks { get; }

    /// <summary>Whether reading <paramref name="i"/> is inside the assessed period (not in an ignore period).</summary>
    public bool IsAssessed(int i) => i >= FirstAssessed && i < EndAssessed;

    /// <summary>End of the held time of reading <paramref name="i"/>, clipped to the assessed period.</summary>
    public long AssessedHeldEnd(int i) => Math.Min(heldEnd[i], AssessedEndTicks);

    /// <summary>Whether a gap follows reading <paramref name="i"/>.</summary>
    public bool GapAfter(int i) => i + 1 < ticks.Length && heldEnd[i] < ticks[i + 1];

    /// <summary>Reading instant <paramref name="i"/>.</summary>
    public Instant TimeAt(int i) => Instant.FromUnixTimeTicks(ticks[i]);
}
