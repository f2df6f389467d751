using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Gxp.Assessment;

/// <summary>
/// Reads temperature readings from CSV: the header <c>time,celsius</c> with an optional <c>deviceId</c> column
/// (GXP.md), in any column order. Vendor logger exports are accepted too: preamble lines before the header,
/// ';' or tab separators (with a decimal comma after ';'), common header names ("Timestamp", "Temperature (°C)",
/// "Serial"), a Fahrenheit column, and a space instead of 'T' in times. Times must carry 'Z' or a UTC offset:
/// a local time without offset is ambiguous and rejected. A bad line is a result naming the line, never an exception.
/// </summary>
public static class ReadingsCsv
{
    /// <summary>Device id given to readings of a file without a device column.</summary>
    public const string DefaultDeviceId = "logger";

    static readonly string[] TimeNames = ["time", "timestamp", "datetime", "date/time", "utc", "timeutc", "datetimeutc", "timestamputc"];
    static readonly string[] CelsiusNames = ["celsius", "temperature", "temp", "temperature°c", "temp°c", "°c", "temperaturec", "tempc", "value°c"];
    static readonly string[] FahrenheitNames = ["fahrenheit", "temperature°f", "temp°f", "°f", "temperaturef", "tempf"];
    static readonly string[] DeviceNames = ["deviceid", "device", "serial", "serialnumber", "serialno", "logger", "loggerid", "sensor", "sensorid"];

    /// <summary>Reads the whole text: the readings, or the first bad line (or the file as a whole) and what was expected.</summary>
    public static GxpResult<List<Reading>> Read(string text)
    {
        var readings = new List<Reading>(Math.Max(16, text.Length / 28));
        var lineNumber = 0;
        Columns? columns = null;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.IsEmpty) continue;
            if (columns is null)
            {
                columns = Columns.TryHeader(line.ToString());
                if (columns is null && lineNumber >= 50)
                    return Error(0, "no header with a time and a temperature column in the first 50 lines (expected `time,celsius[,deviceId]`)");
                continue;
            }
            if (columns.Read(line, out var reading) is { } problem) return Error(lineNumber, problem);
            readings.Add(reading);
        }
        if (columns is null) return Error(0, "no header with a time and a temperature column (expected `time,celsius[,deviceId]`)");
        if (readings.Count == 0) return Error(0, "no readings after the header");
        return readings;
    }

    /// <summary>Readings the program itself wrote (a test vector, a benchmark file): malformed means a bug.</summary>
    public static List<Reading> Parse(string text) => Read(text).ValueOrThrow();

    /// <summary>The error of line <paramref name="line"/> (0: the file as a whole).</summary>
    static GxpInputError Error(int line, string problem) =>
        new("readings", line > 0 ? $"line {line}" : "file", line > 0 ? $"readings line {line}: {problem}" : $"readings: {problem}");

    sealed class Columns(char separator, int time, int temperature, bool fahrenheit, int device, int count)
    {
        readonly Dictionary<string, string> deviceIds = new(StringComparer.Ordinal);

        public static Columns? TryHeader(string line)
        {
            var separator = line.Contains(';') ? ';' : line.Contains('\t') ? '\t' : ',';
            var names = line.Split(separator).Select(Normalize).ToArray();
            var time = Array.FindIndex(names, n => TimeNames.Contains(n));
            var celsius = Array.FindIndex(names, n => CelsiusNames.Contains(n));
            var fahrenheit = Array.FindIndex(names, n => FahrenheitNames.Contains(n));
            var device = Array.FindIndex(names, n => DeviceNames.Contains(n));
            if (time < 0 || (celsius < 0 && fahrenheit < 0)) return null;
            return new Columns(separator, time, celsius >= 0 ? celsius : fahrenheit, celsius < 0, device, names.Length);
        }

        /// <summary>Reads one data line into <paramref name="reading"/>; returns what is wrong with it, or null.</summary>
        public string? Read(ReadOnlySpan<char> line, out Reading reading)
        {
            reading = default;
            Span<Range> fields = stackalloc Range[count + 1];
            var found = line.Split(fields, separator);
            if (found != count) return $"expected {count} fields separated by '{separator}', found {found}";
            var timeText = Unquote(line[fields[time]]);
            if (!TryParseInstant(timeText, out var instant))
                return $"time '{timeText}' is not an ISO-8601 instant with 'Z' or an offset (e.g. 2025-03-01T12:00:00Z)";
            var valueText = Unquote(line[fields[temperature]]);
            if (!TryParseNumber(valueText, separator == ';', out var value)) return $"temperature '{valueText}' is not a number";
            if (fahrenheit) value = (value - 32) * 5 / 9;
            var deviceId = DefaultDeviceId;
            if (device >= 0)
            {
                var text = Unquote(line[fields[device]]);
                if (text.IsEmpty) return "deviceId is empty";
                deviceId = Intern(text);
            }
            reading = new Reading(deviceId, instant, value);
            return null;
        }

        // One string per device: 345k readings of 4 loggers should not allocate 345k equal strings.
        string Intern(ReadOnlySpan<char> text)
        {
            var lookup = deviceIds.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var existing)) return existing;
            var s = text.ToString();
            deviceIds[s] = s;
            return s;
        }

        static string Normalize(string name) =>
            new(Unquote(name.AsSpan()).ToString().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-' or '(' or ')' or '[' or ']')).ToArray());

        static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> s)
        {
            s = s.Trim();
            return s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1].Trim() : s;
        }
    }

    static bool TryParseNumber(ReadOnlySpan<char> text, bool decimalComma, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return double.IsFinite(value);
        if (!decimalComma || text.IndexOf(',') < 0) return false;
        Span<char> copy = stackalloc char[text.Length];
        text.CopyTo(copy);
        copy.Replace(',', '.');
        return double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>ISO-8601 instant: a fast path for <c>yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:mm)</c>, NodaTime's patterns otherwise.</summary>
    internal static bool TryParseInstant(ReadOnlySpan<char> text, out Instant instant)
    {
        if (TryParseFast(text, out instant)) return true;
        var s = text.ToString();
        if (s.Length > 10 && s[10] == ' ') s = string.Concat(s.AsSpan(0, 10), "T", s.AsSpan(11));
        var asInstant = InstantPattern.ExtendedIso.Parse(s);
        if (asInstant.Success) { instant = asInstant.Value; return true; }
        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(s);
        if (withOffset.Success) { instant = withOffset.Value.ToInstant(); return true; }
        return false;
    }

    static bool TryParseFast(ReadOnlySpan<char> s, out Instant instant)
    {
        instant = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;
        var pos = 19;
        long fractionTicks = 0;
        if (s[pos] == '.')
        {
            var scale = 1_000_000L;
            pos++;
            var digits = 0;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                if (scale == 0) return false; // finer than ticks: leave it to NodaTime
                fractionTicks += (s[pos] - '0') * scale;
                scale /= 10;
                pos++;
                digits++;
            }
            if (digits == 0) return false;
        }
        if (pos >= s.Length) return false;
        var offsetMinutes = 0;
        if (s[pos] == 'Z' && pos == s.Length - 1) { }
        else if ((s[pos] == '+' || s[pos] == '-') && s.Length - pos == 6 && s[pos + 3] == ':'
                 && Digits(s, pos + 1, 2, out var oh) && Digits(s, pos + 4, 2, out var om))
            offsetMinutes = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
        else return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        var utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks).AddMinutes(-offsetMinutes);
        instant = Instant.FromDateTimeUtc(utc);
        return true;
    }

    static bool Digits(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
