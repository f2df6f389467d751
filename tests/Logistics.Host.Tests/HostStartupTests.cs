using Logistics.Host.Tests.Support;
using Npgsql;

namespace Logistics.Host.Tests;

/// <summary>
/// Hosts of a new installation start together (a deployment of N replicas on an empty schema): each applies the schema,
/// and every one of them must come up. Its own schema, so that no other test's tables exist there yet.
/// </summary>
public sealed class When_several_hosts_start_at_once_on_a_new_schema
{
    [Fact]
    public async Task every_one_of_them_starts()
    {
        LocalServices.Start();
        var schema = "s" + Guid.NewGuid().ToString("N")[..10];
        var auditKey = Logistics.Access.Audit.AuditKey.NewRandom().ToBase64();
        var apps = Enumerable.Range(0, 3).Select(_ => LogisticsHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], s =>
        {
            s.Schema = schema;
            s.QueuePrefix = schema;
            s.AuditKey = auditKey;
            s.Telemetry.PrometheusPort = HostFixture.FreePort();
        })).ToList();
        try
        {
            var started = await Task.WhenAll(apps.Select(async app =>
            {
                try
                {
                    await app.StartAsync();
                    return null;
                }
                catch (Exception e)
                {
                    return e.GetType().Name + ": " + e.Message;
                }
            }));
            Assert.All(started, Assert.Null);
        }
        finally
        {
            foreach (var app in apps)
            {
                try { await app.StopAsync(); } catch (OperationCanceledException) { }
                await app.DisposeAsync();
            }
            await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES")
                ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics");
            await using var drop = db.CreateCommand($"drop schema if exists {schema} cascade");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
