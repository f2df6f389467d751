using System.Collections.Concurrent;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Devices;

/// <summary>
/// Device profiles: which payload codec a device's uplinks use (e.g. <c>devEui:A81758FFFE0312F6</c> → <c>milesight</c>).
/// Read through a snapshot per translate batch so adapters stay pure lookups.
/// </summary>
public sealed class DeviceProfiles(NpgsqlDataSource db, HostSettings settings)
{
    readonly string _t = $"{settings.Schema}.device_profiles";

    public async Task SetCodecAsync(string deviceRef, string codec, Instant at, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"insert into {_t} (device_ref, codec, updated_at) values ($1, $2, $3) on conflict (device_ref) do update set codec = excluded.codec, updated_at = excluded.updated_at");
        cmd.Parameters.Add(new NpgsqlParameter { Value = deviceRef });
        cmd.Parameters.Add(new NpgsqlParameter { Value = codec });
        cmd.Parameters.Add(new NpgsqlParameter { Value = at });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<string?> GetCodecAsync(string deviceRef, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select codec from {_t} where device_ref = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = deviceRef });
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>All profiles, for one translate batch. Profiles are few (one row per device) and small.</summary>
    public async Task<Func<string, string?>> SnapshotAsync(CancellationToken ct)
    {
        var map = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var cmd = db.CreateCommand($"select device_ref, codec from {_t}");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) map[reader.GetString(0)] = reader.GetString(1);
        return key => map.TryGetValue(key, out var codec) ? codec : null;
    }
}
