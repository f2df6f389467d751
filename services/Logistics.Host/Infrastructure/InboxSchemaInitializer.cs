using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>Applies the inbox schema before anything else starts (registered first, so hosted services after it see the tables).</summary>
public sealed class InboxSchemaInitializer(NpgsqlDataSource db, HostSettings settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => InboxSchema.ApplyAsync(db, settings.Schema, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
