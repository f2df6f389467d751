using System.Collections;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Logistics.Host.ShipmentReports;

/// <summary>A temperature reading read from a device stream, with where it sits in that stream and when it arrived.</summary>
public readonly record struct StreamReading(string Device, Instant OccurredAt, double Celsius, long StreamVersion, Instant ReceivedAt);

/// <summary>
/// The readings of a version's windows, column by column per window (a 60-day shipment of 4 loggers at 1 minute is 345,000
/// readings): ticks and values in arrays rather than one object and two strings per reading, the raw message hashes as 32
/// bytes each. Read as a list of <see cref="StreamReading"/>s (made on the fly); <see cref="RawMessages"/> gives the record
/// history's count and hash of the distinct raw messages.
/// </summary>
public sealed class StreamReadingSet : IReadOnlyList<StreamReading>
{
    readonly WindowColumns[] windows;
    readonly int[] starts;

    internal StreamReadingSet(WindowColumns[] windows)
    {
        this.windows = windows;
        starts = new int[windows.Length + 1];
        for (var w = 0; w < windows.Length; w++) starts[w + 1] = starts[w] + windows[w].Count;
    }

    public static StreamReadingSet Empty { get; } = new([]);

    /// <summary>One window's readings given in memory, each with its raw message hash as an event carries it (null: none).</summary>
    public static StreamReadingSet Of(string device, IEnumerable<(StreamReading Reading, string? RawSha256)> readings)
    {
        var columns = new WindowColumns(device, 16);
        foreach (var (r, raw) in readings)
            columns.Add(r.OccurredAt.ToUnixTimeTicks(), r.Celsius, r.StreamVersion, r.ReceivedAt.ToUnixTimeTicks(),
                RawDigest.From(Encoding.UTF8.GetBytes(raw ?? "")));
        return new StreamReadingSet([columns]);
    }

    public int Count => starts[^1];

    public StreamReading this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            var w = Array.BinarySearch(starts, index);
            if (w < 0) w = ~w - 1;
            while (windows[w].Count == 0 || index >= starts[w + 1]) w++; // equal starts: empty windows before it
            return windows[w].At(index - starts[w]);
        }
    }

    public IEnumerator<StreamReading> GetEnumerator()
    {
        foreach (var w in windows)
            for (var i = 0; i < w.Count; i++) yield return w.At(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The latest reading time of each device that has a reading.</summary>
    public IReadOnlyDictionary<string, Instant> LastOccurredAt()
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var w in windows)
        {
            if (w.Count == 0) continue;
            var max = long.MinValue;
            for (var i = 0; i < w.Count; i++) max = Math.Max(max, w.OccurredTicks[i]);
            last[w.Device] = last.TryGetValue(w.Device, out var seen) ? Math.Max(seen, max) : max;
        }
        return last.ToDictionary(p => p.Key, p => Instant.FromUnixTimeTicks(p.Value), StringComparer.Ordinal);
    }

    Task<(int Count, string Sha256)>? rawMessages;

    /// <summary>
    /// <see cref="RawMessages"/> on the thread pool, started on the first call: a report starts it before the assessment so
    /// that both use a core each.
    /// </summary>
    public Task<(int Count, string Sha256)> RawMessagesAsync() => rawMessages ??= Task.Run(RawMessages);

    /// <summary>
    /// The distinct non-empty raw message hashes in ordinal order: how many, and the SHA-256 of them joined by <c>\n</c> (ASCII).
    /// Canonical hashes (64 lowercase hex digits, what adapters write) are sorted as 256-bit numbers, which is their ordinal
    /// order, without a string each; any other text is sorted as text and merged in.
    /// </summary>
    public (int Count, string Sha256) RawMessages()
    {
        if (rawMessages is { IsCompletedSuccessfully: true } done) return done.Result;
        var canonical = new Hash256[windows.Sum(w => w.Count)];
        var n = 0;
        var texts = new List<string>();
        foreach (var w in windows)
            for (var i = 0; i < w.Count; i++)
                if (w.Raw[i].Text is null) canonical[n++] = w.Raw[i].Hash;
                else if (w.Raw[i].Text is { Length: > 0 } text) texts.Add(text);
        var hashes = canonical.AsSpan(0, n);
        hashes.Sort();
        texts.Sort(StringComparer.Ordinal);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> hex = stackalloc byte[64];
        var distinct = 0;
        string? lastText = null;
        var lastHash = default(Hash256?);
        void Line(ReadOnlySpan<byte> ascii)
        {
            if (distinct++ > 0) hash.AppendData("\n"u8);
            hash.AppendData(ascii);
        }
        int h = 0, t = 0;
        while (h < hashes.Length || t < texts.Count)
        {
            // A canonical hash never equals another text; which comes first is their ordinal order (rare: adapters write hex).
            if (h < hashes.Length && (t == texts.Count || string.CompareOrdinal(hashes[h].ToString(), texts[t]) < 0))
            {
                if (lastHash != hashes[h])
                {
                    hashes[h].WriteHex(hex);
                    Line(hex);
                    lastHash = hashes[h];
                }
                h++;
            }
            else
            {
                if (!string.Equals(lastText, texts[t], StringComparison.Ordinal)) Line(Encoding.ASCII.GetBytes(texts[t]));
                lastText = texts[t];
                t++;
            }
        }
        return (distinct, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

/// <summary>One window's readings as columns; filled by <see cref="StreamReadings"/>, growing as rows arrive.</summary>
internal sealed class WindowColumns(string device, int capacity)
{
    public string Device { get; } = device;
    public int Count { get; private set; }
    public long[] OccurredTicks { get; private set; } = new long[capacity];
    public double[] Celsius { get; private set; } = new double[capacity];
    public long[] StreamVersion { get; private set; } = new long[capacity];
    public long[] ReceivedTicks { get; private set; } = new long[capacity];
    public RawDigest[] Raw { get; private set; } = new RawDigest[capacity];

    public void Add(long occurredTicks, double celsius, long streamVersion, long receivedTicks, RawDigest raw)
    {
        if (Count == OccurredTicks.Length) Grow();
        OccurredTicks[Count] = occurredTicks;
        Celsius[Count] = celsius;
        StreamVersion[Count] = streamVersion;
        ReceivedTicks[Count] = receivedTicks;
        Raw[Count] = raw;
        Count++;
    }

    public StreamReading At(int i) =>
        new(Device, Instant.FromUnixTimeTicks(OccurredTicks[i]), Celsius[i], StreamVersion[i], Instant.FromUnixTimeTicks(ReceivedTicks[i]));

    void Grow()
    {
        var size = Math.Max(1024, OccurredTicks.Length * 2);
        OccurredTicks = Resized(OccurredTicks, size);
        Celsius = Resized(Celsius, size);
        StreamVersion = Resized(StreamVersion, size);
        ReceivedTicks = Resized(ReceivedTicks, size);
        Raw = Resized(Raw, size);
    }

    static T[] Resized<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}

/// <summary>
/// A raw message hash as read from an event: 64 lowercase hex digits kept as a <see cref="Hash256"/> (no string), any other
/// text kept as it is (<see cref="Text"/>), an absent one empty.
/// </summary>
internal readonly record struct RawDigest(Hash256 Hash, string? Text)
{
    public static RawDigest None { get; } = new(default, "");

    /// <summary>From the UTF-8 bytes of the text.</summary>
    public static RawDigest From(ReadOnlySpan<byte> utf8) =>
        utf8.Length == 0 ? None
        : Hash256.TryParse(utf8, out var hash) ? new RawDigest(hash, null)
        : new RawDigest(default, Encoding.UTF8.GetString(utf8));
}

/// <summary>A SHA-256 as four big-endian 64-bit words: their order is the ordinal order of its lowercase hex text.</summary>
internal readonly record struct Hash256(ulong A, ulong B, ulong C, ulong D) : IComparable<Hash256>
{
    public int CompareTo(Hash256 other) =>
        A != other.A ? A.CompareTo(other.A) : B != other.B ? B.CompareTo(other.B) : C != other.C ? C.CompareTo(other.C) : D.CompareTo(other.D);

    /// <summary>64 lowercase hex digits; false for anything else (upper case included: its ordinal order differs).</summary>
    public static bool TryParse(ReadOnlySpan<byte> hex, out Hash256 hash)
    {
        hash = default;
        if (hex.Length != 64 || !TryWord(hex[..16], out var a) || !TryWord(hex[16..32], out var b) || !TryWord(hex[32..48], out var c)
            || !TryWord(hex[48..], out var d))
            return false;
        hash = new Hash256(a, b, c, d);
        return true;
    }

    static bool TryWord(ReadOnlySpan<byte> hex, out ulong word)
    {
        word = 0;
        foreach (var ch in hex)
        {
            int digit = ch is >= (byte)'0' and <= (byte)'9' ? ch - '0' : ch is >= (byte)'a' and <= (byte)'f' ? ch - 'a' + 10 : -1;
            if (digit < 0) return false;
            word = (word << 4) | (uint)digit;
        }
        return true;
    }

    public void WriteHex(Span<byte> into)
    {
        Word(A, into[..16]);
        Word(B, into[16..32]);
        Word(C, into[32..48]);
        Word(D, into[48..64]);
    }

    static void Word(ulong word, Span<byte> into)
    {
        for (var i = 15; i >= 0; i--, word >>= 4) into[i] = (byte)"0123456789abcdef"[(int)(word & 0xF)];
    }

    public override string ToString()
    {
        Span<byte> hex = stackalloc byte[64];
        WriteHex(hex);
        return Encoding.ASCII.GetString(hex);
    }
}
