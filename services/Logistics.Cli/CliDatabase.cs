using Logistics.Access.Audit;
using Npgsql;

namespace Logistics.Cli;

/// <summary>
/// The host's own database settings, read from the environment exactly as the host reads them: <c>LOGISTICS_POSTGRES</c>,
/// the schema from <c>Logistics__Schema</c> (default <c>logistics</c>), and the audit key (<c>LOGISTICS_AUDIT_KEY</c> or
/// <c>Logistics__AuditKey</c>; else the key file <c>LOGISTICS_AUDIT_KEY_FILE</c> / <c>Logistics__AuditKeyFile</c>, default
/// <c>.data/audit.key</c>), so the CLI works beside a running host.
/// </summary>
public static class CliDatabase
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics;Pooling=true;Maximum Pool Size=40";

    public static (string Connection, string Schema) Settings(string command)
    {
        var connection = Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES") ?? DefaultConnection;
        var schema = Environment.GetEnvironmentVariable("Logistics__Schema") is { Length: > 0 } s ? s : "logistics";
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]*$"))
            throw new CliUsageException($"{command}: Logistics__Schema '{schema}' is not a plain lower-case identifier");
        return (connection, schema);
    }

    public static NpgsqlDataSource Open(string connection)
    {
        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.UseNodaTime();
        return builder.Build();
    }

    /// <summary>The host's audit key; <paramref name="create"/> makes the key file when missing (only when appending).</summary>
    public static AuditKey? AuditKey(string command, bool create)
    {
        var (base64, file) = Access.Audit.AuditKey.FromEnvironment();
        try { return Access.Audit.AuditKey.Resolve(base64, file, create); }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{command}: the audit key ({(base64 is null ? file ?? Access.Audit.AuditKey.DefaultFile : "LOGISTICS_AUDIT_KEY")}) is unusable: {ex.Message}");
        }
    }

    public static string Describe(string connection)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connection);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException) { return "(unparsable LOGISTICS_POSTGRES)"; }
    }

    public static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
