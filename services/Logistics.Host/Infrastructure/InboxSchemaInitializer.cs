using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// Applies the inbox schema and every slice's plain tables (<see cref="IPlainTables"/>) before anything else starts
/// (registered first, so hosted services after it see the tables). Hosts of one schema apply them one at a time, under
/// a session advisory lock: PostgreSQL's <c>create table if not exists</c> is not safe against itself (two hosts starting
/// together on a new schema failed with a duplicate key in <c>pg_type</c>).
/// </summary>
public sealed class InboxSchemaInitializer(NpgsqlDataSource db, HostSettings settings, IEnumerable<IPlainTables> tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var gate = await db.OpenConnectionAsync(cancellationToken);
        var lockId = AdvisoryLockIds.For("logistics-tables", settings.Schema);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", gate))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = lockId });
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await InboxSchema.ApplyAsync(db, settings.Schema, cancellationToken);
            foreach (var part in tables) await part.ApplyAsync(db, settings.Schema, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", gate);
            release.Parameters.Add(new NpgsqlParameter { Value = lockId });
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
