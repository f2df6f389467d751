using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// Plain tables beside Marten's (raw inbox, keys, read-model tables), created by the slice that owns them. All parts are
/// applied once at start, in registration order, before any other hosted service runs (see <see cref="InboxSchemaInitializer"/>).
/// </summary>
public interface IPlainTables
{
    Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct);
}
