using System.CommandLine;
using System.Text.Json;
using Logistics.Access;
using Logistics.Access.Audit;
using Npgsql;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>tenants create NAME</c>: creates a tenant and its first admin key in the host's database and prints one JSON line
/// <c>{"tenantId": "...", "adminKey": "..."}</c> — the only time the key is shown. Reads the same settings as the host
/// (<see cref="CliDatabase"/>), so it works beside a running host; the tenant's creation is its first audit entry. A bad name:
/// exit 2 and one line; the database unreachable: exit 1 and one line.
/// </summary>
public sealed class TenantsCommand : ICliCommand
{
    public const int MaxNameLength = 200;

    public Command Build(CliIo io)
    {
        var name = new Argument<string>("NAME") { Description = "the tenant's display name, e.g. \"Acme Pharma\"" };
        var create = new Command("create", "Create a tenant and print {\"tenantId\", \"adminKey\"} as one JSON line (the key is shown once).") { name };
        create.SetAction(parse => Create(io, parse.GetValue(name)!));
        return new Command("tenants", "Tenants of the host's database (create).") { create };
    }

    static int Create(CliIo io, string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) throw new CliUsageException("tenants create: NAME is empty; give the tenant's display name");
        if (trimmed.Length > MaxNameLength) throw new CliUsageException($"tenants create: NAME is {trimmed.Length} characters; at most {MaxNameLength}");
        if (trimmed.Any(char.IsControl)) throw new CliUsageException("tenants create: NAME contains a control character");

        var (connection, schema) = CliDatabase.Settings("tenants create");
        var key = CliDatabase.AuditKey("tenants create", create: true)!;
        try
        {
            using var db = CliDatabase.Open(connection);
            AccessSchema.ApplyAsync(db, schema, CancellationToken.None).GetAwaiter().GetResult();
            AuditSchema.ApplyAsync(db, schema, CancellationToken.None).GetAwaiter().GetResult();
            var audit = new AuditTrail(db, schema, key, io.Clock);
            var (tenantId, admin) = new ApiKeyStore(db, schema, io.Clock, audit)
                .CreateTenantAsync(trimmed, $"cli:{Environment.UserName}", CancellationToken.None).GetAwaiter().GetResult();
            io.Out.WriteLine(JsonSerializer.Serialize(new { tenantId, adminKey = admin.Key }));
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            io.Error.WriteLine($"tenants create: database {CliDatabase.Describe(connection)} schema {schema}: {CliDatabase.FirstLine(ex.Message)}");
            return CliApp.Failed;
        }
    }
}
