using System.Text;

namespace Logistics.Host.Translation;

/// <summary>
/// Which translate partition a stream key belongs to. The hash is FNV-1a over the key's UTF-8 bytes — stable across
/// processes and machines (string.GetHashCode is randomised per process), so every host routes a key the same way.
/// </summary>
public static class Partitioning
{
    /// <summary>The partition key of a stream: its tenant and its key (conjoined tenancy identifies a stream by both).</summary>
    public static string KeyOf(string tenantId, string streamKey) => $"{tenantId}|{streamKey}";

    public static int PartitionOf(string streamKey, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(streamKey))
            hash = (hash ^ b) * 16777619u;
        return (int)(hash % (uint)partitions);
    }
}
