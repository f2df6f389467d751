using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Logistics.Cli.Tests.Tenants;

/// <summary>
/// <c>tenants create NAME</c> against the real PostgreSQL that test.sh starts (LOGISTICS_POSTGRES), in a schema of its own
/// given the way the host takes it (<c>Logistics__Schema</c>). Serialised: the schema travels in the process environment.
/// </summary>
[Collection(TenantsCollection.Name)]
public sealed class When_a_tenant_is_created_from_the_command_line : IDisposable
{
    readonly string _schema = "cli" + Guid.NewGuid().ToString("N")[..10];
    readonly string? _previousSchema = Environment.GetEnvironmentVariable("Logistics__Schema");

    public When_a_tenant_is_created_from_the_command_line() => Environment.SetEnvironmentVariable("Logistics__Schema", _schema);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Logistics__Schema", _previousSchema);
        using var db = NpgsqlDataSource.Create(Connection);
        using var cmd = db.CreateCommand($"drop schema if exists {_schema} cascade");
        cmd.ExecuteNonQuery();
    }

    static string Connection => Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES")
                                ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics";

    [Fact]
    public void it_prints_one_json_line_with_the_tenant_and_its_admin_key_which_is_stored_only_as_a_hash()
    {
        var result = CliRunner.Run("tenants", "create", "Acme Pharma");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(["tenantId", "adminKey"], json.EnumerateObject().Select(p => p.Name));
        var tenantId = json.GetProperty("tenantId").GetString()!;
        var key = json.GetProperty("adminKey").GetString()!;
        Assert.Matches("^tn_[0-9a-f]{16}$", tenantId);
        Assert.Matches("^lgk_[A-Za-z0-9_-]{43}$", key);

        using var db = NpgsqlDataSource.Create(Connection);
        using (var cmd = db.CreateCommand($"select name from {_schema}.tenants where id = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            Assert.Equal("Acme Pharma", cmd.ExecuteScalar());
        }
        using (var cmd = db.CreateCommand($"select role, key_sha256 from {_schema}.api_keys where tenant_id = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal("admin", r.GetString(0));
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), r.GetFieldValue<byte[]>(1));
            Assert.False(r.Read());
        }
        using (var cmd = db.CreateCommand($"select count(*) from {_schema}.api_keys k where strpos(row_to_json(k)::text, $1) > 0"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = key });
            Assert.Equal(0L, cmd.ExecuteScalar());
        }

        // A second tenant is another tenant with another key.
        var second = JsonDocument.Parse(CliRunner.Run("tenants", "create", "Acme Pharma").Out).RootElement;
        Assert.NotEqual(tenantId, second.GetProperty("tenantId").GetString());
        Assert.NotEqual(key, second.GetProperty("adminKey").GetString());
    }

    [Theory]
    [InlineData("   ", "NAME is empty")]
    [InlineData("bad\u0007name", "control character")]
    public void a_bad_name_is_exit_2_with_one_line(string name, string says)
    {
        var result = CliRunner.Run("tenants", "create", name);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(says, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void a_missing_name_or_a_bad_schema_setting_is_exit_2_with_one_line()
    {
        var missing = CliRunner.Run("tenants", "create");
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Environment.SetEnvironmentVariable("Logistics__Schema", "drop table;");
        var badSchema = CliRunner.Run("tenants", "create", "Acme");
        Assert.Equal(2, badSchema.ExitCode);
        Assert.Contains("Logistics__Schema", Assert.Single(badSchema.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void an_unreachable_database_is_exit_1_with_one_line_naming_it()
    {
        var previous = Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES");
        Environment.SetEnvironmentVariable("LOGISTICS_POSTGRES", "Host=127.0.0.1;Port=1;Username=postgres;Database=logistics;Timeout=2");
        try
        {
            var result = CliRunner.Run("tenants", "create", "Acme");
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.Contains("127.0.0.1:1/logistics", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("LOGISTICS_POSTGRES", previous);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TenantsCollection
{
    public const string Name = "tenants CLI (process environment)";
}
