using System.Text;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of sample inputs (one <see cref="Random"/> with a printed seed, so a failure reproduces):
/// random bytes, bit flips, interesting bytes, truncation, insertion, deletion, duplication, splicing two samples,
/// number and delimiter-separated token replacement (EDI, CSV-ish text), and JSON-aware mutations
/// (<see cref="JsonMutations"/>). Mutations stack one to four deep.
/// </summary>
public sealed class Mutator(Random random, IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> spliceSources)
{
    static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'"', (byte)'{', (byte)'}', (byte)'[', (byte)']',
        (byte)',', (byte)':', (byte)'\\', (byte)'~', (byte)'*', (byte)'\'', (byte)'+', (byte)'\n', (byte)'-', (byte)'.', (byte)'0', (byte)'9'];

    internal static readonly string[] InterestingNumbers = ["0", "-1", "-0", "1e308", "-1e308", "1e-320", "4294967296", "2147483648",
        "99999999999999999999999", "3.14159", "NaN", "", "00", "9223372036854775808", "-2147483649", "65535", "255", "256"];

    static readonly byte[] Delimiters = "*~+:'|,;\n^>".Select(c => (byte)c).ToArray();

    /// <summary>The next input, and the name of its first mutation (for the ledger and crash reports).</summary>
    public (byte[] Input, string Mutation) Next()
    {
        if (seeds.Count == 0 || random.Next(20) == 0)
            return (RandomBytes(), "random-bytes");
        var input = seeds[random.Next(seeds.Count)];
        var first = "";
        var depth = 1 + (random.Next(4) == 0 ? random.Next(4) : 0);
        for (var i = 0; i < depth; i++)
        {
            var (next, name) = MutateOnce(input);
            input = next;
            if (i == 0) first = name;
        }
        return (input, first);
    }

    (byte[], string) MutateOnce(byte[] input)
    {
        var op = random.Next(13);
        if (input.Length == 0 && op is not (5 or 8)) op = 5;
        return op switch
        {
            0 => (BitFlip(input), "bit-flip"),
            1 => (SetInteresting(input), "interesting-byte"),
            2 => (input[..random.Next(input.Length)], "truncate"),
            3 => (input[random.Next(input.Length)..], "drop-prefix"),
            4 => (Delete(input), "delete-range"),
            5 => (Insert(input), "insert-bytes"),
            6 => (Duplicate(input), "duplicate-range"),
            7 => (Splice(input), "splice"),
            8 => (RandomBytes(), "random-bytes"),
            9 => (ReplaceNumber(input), "number"),
            10 => (ReplaceToken(input), "token"),
            _ => JsonMutations.TryMutate(input, random, out var json, out var name) ? (json, name) : (BitFlip(input), "bit-flip"),
        };
    }

    byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(random.Next(2) == 0 ? 16 : 512)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(32 + bytes[i] % 95); // printable text: reaches text parsers' deeper states
        }
        return bytes;
    }

    byte[] BitFlip(byte[] input)
    {
        var copy = (byte[])input.Clone();
        for (var n = 1 + random.Next(8); n > 0; n--)
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    byte[] SetInteresting(byte[] input)
    {
        var copy = (byte[])input.Clone();
        for (var n = 1 + random.Next(4); n > 0; n--)
            copy[random.Next(copy.Length)] = InterestingBytes[random.Next(InterestingBytes.Length)];
        return copy;
    }

    byte[] Delete(byte[] input)
    {
        var start = random.Next(input.Length);
        var length = 1 + random.Next(Math.Min(64, input.Length - start));
        return [.. input.AsSpan(0, start), .. input.AsSpan(start + length)];
    }

    byte[] Insert(byte[] input)
    {
        var at = random.Next(input.Length + 1);
        var extra = new byte[1 + random.Next(16)];
        if (random.Next(2) == 0) random.NextBytes(extra);
        else for (var i = 0; i < extra.Length; i++) extra[i] = InterestingBytes[random.Next(InterestingBytes.Length)];
        return [.. input.AsSpan(0, at), .. extra, .. input.AsSpan(at)];
    }

    byte[] Duplicate(byte[] input)
    {
        var start = random.Next(input.Length);
        var length = 1 + random.Next(Math.Min(256, input.Length - start));
        var at = random.Next(input.Length + 1);
        return [.. input.AsSpan(0, at), .. input.AsSpan(start, length), .. input.AsSpan(at)];
    }

    /// <summary>The head of this input and the tail of another sample (of any adapter: formats meet at the seam).</summary>
    byte[] Splice(byte[] input)
    {
        var other = spliceSources.Count > 0 ? spliceSources[random.Next(spliceSources.Count)] : input;
        var cut = random.Next(input.Length + 1);
        var from = other.Length == 0 ? 0 : random.Next(other.Length);
        return [.. input.AsSpan(0, cut), .. other.AsSpan(from)];
    }

    /// <summary>A run of ASCII digits replaced by an edge-case number: offsets, lengths, dates and coordinates live there.</summary>
    byte[] ReplaceNumber(byte[] input)
    {
        var runs = Runs(input, b => b is >= (byte)'0' and <= (byte)'9');
        if (runs.Count == 0) return Insert(input);
        var (start, length) = runs[random.Next(runs.Count)];
        var number = Encoding.ASCII.GetBytes(InterestingNumbers[random.Next(InterestingNumbers.Length)]);
        return [.. input.AsSpan(0, start), .. number, .. input.AsSpan(start + length)];
    }

    /// <summary>A field between delimiters emptied, repeated, or replaced by a delimiter (X12 '*'/'~', EDIFACT '+'/'\'').</summary>
    byte[] ReplaceToken(byte[] input)
    {
        var runs = Runs(input, b => Array.IndexOf(Delimiters, b) < 0);
        if (runs.Count == 0) return SetInteresting(input);
        var (start, length) = runs[random.Next(runs.Count)];
        byte[] replacement = random.Next(4) switch
        {
            0 => [],
            1 => [.. input.AsSpan(start, length), .. input.AsSpan(start, length)],
            2 => [Delimiters[random.Next(Delimiters.Length)]],
            _ => Encoding.ASCII.GetBytes(new string('9', 1 + random.Next(40))),
        };
        return [.. input.AsSpan(0, start), .. replacement, .. input.AsSpan(start + length)];
    }

    static List<(int Start, int Length)> Runs(byte[] input, Func<byte, bool> inRun)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < input.Length;)
        {
            if (!inRun(input[i])) { i++; continue; }
            var start = i;
            while (i < input.Length && inRun(input[i])) i++;
            runs.Add((start, i - start));
        }
        return runs;
    }
}
