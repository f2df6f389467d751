using System.Security.Cryptography;
using System.Text;
using Logistics.Host.ShipmentReports;
using NodaTime;

namespace Logistics.Host.Tests;

/// <summary>
/// The record history's hash of the raw messages (distinct, non-empty, ordinal order, joined by '\n') is computed from
/// 32-byte digests, not strings: it must equal the definition over the texts for any mix of what events carry.
/// </summary>
public sealed class The_raw_messages_hash_of_a_report
{
    static (int Count, string Sha256) Definition(IEnumerable<string?> raw)
    {
        var distinct = raw.Select(r => r ?? "").Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (distinct.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join('\n', distinct)))));
    }

    static StreamReadingSet Set(IReadOnlyList<string?> raw) =>
        StreamReadingSet.Of("devEui:70B3D57EBE000001", raw.Select((r, i) =>
            (new StreamReading("devEui:70B3D57EBE000001", Instant.FromUnixTimeSeconds(i * 60), 5, i + 1, Instant.FromUnixTimeSeconds(i * 60 + 3)), r)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void equals_its_definition_over_the_texts_for_hex_duplicates_absent_and_odd_values(int seed)
    {
        var random = new Random(seed);
        string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var pool = Enumerable.Range(0, 200).Select(_ => Hex()).ToList();
        string? Next() => random.Next(12) switch
        {
            0 => null,
            1 => "",
            2 => pool[random.Next(pool.Count)].ToUpperInvariant(), // not canonical: ordinal order differs from lower case
            3 => pool[random.Next(pool.Count)][..random.Next(1, 64)], // a prefix of a canonical one
            4 => pool[random.Next(pool.Count)] + "z",
            5 => "g" + pool[random.Next(pool.Count)][1..], // 64 characters, not hex
            _ => pool[random.Next(pool.Count)], // canonical, often repeated
        };
        var raw = Enumerable.Range(0, 2_000).Select(_ => Next()).ToList();

        var (count, sha) = Set(raw).RawMessages();

        var expected = Definition(raw);
        Assert.Equal(expected.Count, count);
        Assert.Equal(expected.Sha256, sha);
    }

    [Fact]
    public void of_canonical_hashes_only_or_none_at_all_equals_its_definition()
    {
        var hex = Enumerable.Range(0, 500).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))).ToList();
        var repeated = hex.Concat(hex.Take(100)).Reverse().Cast<string?>().ToList();
        Assert.Equal(Definition(repeated), Set(repeated).RawMessages());
        Assert.Equal(Definition([null, ""]), Set([null, ""]).RawMessages());
    }
}
