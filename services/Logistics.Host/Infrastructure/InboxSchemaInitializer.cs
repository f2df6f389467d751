using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// Applies the inbox schema and every slice's plain tables (<see cref="IPlainTables"/>) before anything else starts
/// (registered first, so hosted services after it see the tables).
/// </summary>
public sealed class InboxSchemaInitializer(NpgsqlDataSource db, HostSettings settings, IEnumerable<IPlainTables> tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await InboxSchema.ApplyAsync(db, settings.Schema, cancellationToken);
        foreach (var part in tables) await part.ApplyAsync(db, settings.Schema, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
