using System.CommandLine;
using System.Text.Json;
using Logistics.Access;
using Npgsql;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>tenants create NAME</c>: creates a tenant and its first admin key in the host's database and prints one JSON line
/// <c>{"tenantId": "...", "adminKey": "..."}</c> — the only time the key is shown. Reads the same settings as the host:
/// <c>LOGISTICS_POSTGRES</c> and the schema from <c>Logistics__Schema</c> (default <c>logistics</c>), so it works beside a
/// running host. A bad name: exit 2 and one line; the database unreachable: exit 1 and one line.
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

        var (connection, schema) = DatabaseSettings();
        try
        {
            var builder = new NpgsqlDataSourceBuilder(connection);
            builder.UseNodaTime();
            using var db = builder.Build();
            AccessSchema.ApplyAsync(db, schema, CancellationToken.None).GetAwaiter().GetResult();
            var (tenantId, admin) = new ApiKeyStore(db, schema, io.Clock).CreateTenantAsync(trimmed, CancellationToken.None).GetAwaiter().GetResult();
            io.Out.WriteLine(JsonSerializer.Serialize(new { tenantId, adminKey = admin.Key }));
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            io.Error.WriteLine($"tenants create: database {Describe(connection)} schema {schema}: {FirstLine(ex.Message)}");
            return CliApp.Failed;
        }
    }

    /// <summary>The host's own settings: its connection string variable and its <c>Logistics:Schema</c> key from the environment.</summary>
    static (string Connection, string Schema) DatabaseSettings()
    {
        var connection = Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES")
                         ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics;Pooling=true;Maximum Pool Size=40";
        var schema = Environment.GetEnvironmentVariable("Logistics__Schema") is { Length: > 0 } s ? s : "logistics";
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]*$"))
            throw new CliUsageException($"tenants create: Logistics__Schema '{schema}' is not a plain lower-case identifier");
        return (connection, schema);
    }

    static string Describe(string connection)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connection);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException) { return "(unparsable LOGISTICS_POSTGRES)"; }
    }

    static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
