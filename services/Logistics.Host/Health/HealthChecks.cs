using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Health;

/// <summary>
/// The host's ASP.NET health checks, tagged <see cref="Tag"/>: <c>postgres</c> (a query answers), <c>rabbitmq</c> (the
/// bus's own view), <c>translate-consumers</c> (the broker's view: every translate queue has a consumer; see
/// <see cref="ConsumerSupervisor"/>) and <c>consumer-lag</c> (stored but untranslated messages; informational, never unhealthy).
/// </summary>
public static class HealthChecks
{
    public const string Tag = "logistics";
    public const string Postgres = "postgres", RabbitMq = "rabbitmq", TranslateConsumers = "translate-consumers", ConsumerLag = "consumer-lag";

    public static IServiceCollection AddHealth(this IServiceCollection services, HostSettings settings)
    {
        _ = settings;
        services.AddSingleton<BrokerProbe>();
        services.AddSingleton<ConsumerSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsumerSupervisor>());
        services.AddHealthChecks()
            .AddCheck<PostgresCheck>(Postgres, tags: [Tag])
            .AddCheck<BusCheck>(RabbitMq, tags: [Tag])
            .AddCheck<TranslateConsumersCheck>(TranslateConsumers, tags: [Tag])
            .AddCheck<ConsumerLagCheck>(ConsumerLag, tags: [Tag]);
        return services;
    }

    sealed class PostgresCheck(NpgsqlDataSource db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var cmd = db.CreateCommand("select 1");
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await cmd.ExecuteScalarAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        }
    }

    sealed class BusCheck(IBusControl bus) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var health = bus.CheckHealth();
            return Task.FromResult(health.Status == BusHealthStatus.Healthy
                ? HealthCheckResult.Healthy(health.Description)
                : HealthCheckResult.Unhealthy(health.Description));
        }
    }

    /// <summary>Unhealthy while the broker is unreachable, or shows a translate queue without a consumer, or the supervisor has not looked lately.</summary>
    sealed class TranslateConsumersCheck(ConsumerSupervisor supervisor, HostSettings settings, IClock clock, ReliabilityCounters counters) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var o = supervisor.Latest;
            var data = new Dictionary<string, object> { ["endpointRestarts"] = counters.EndpointRestarts, ["busRestarts"] = counters.BusRestarts };
            if (o is null) return Task.FromResult(HealthCheckResult.Unhealthy("not checked yet", data: data));
            data["checkedAt"] = o.At.ToString();
            if (o.Queues is not null)
                data["queues"] = o.Queues.Select(q => new { q.Queue, q.Exists, q.Consumers, q.Messages }).ToList();
            var stale = clock.GetCurrentInstant() - o.At > Duration.FromTimeSpan(settings.ConsumerCheckInterval * 5);
            HealthCheckResult result;
            if (stale) result = HealthCheckResult.Unhealthy($"last broker check at {o.At}: the supervisor is not checking", data: data);
            else if (o.BrokerError is not null) result = HealthCheckResult.Unhealthy($"broker unreachable: {o.BrokerError}", data: data);
            else if (!o.AllConsumed) result = HealthCheckResult.Unhealthy($"no consumer on: {string.Join(", ", o.QueuesWithoutConsumer)}", data: data);
            else result = HealthCheckResult.Healthy($"{o.Queues!.Count} translate queues consumed", data);
            return Task.FromResult(result);
        }
    }

    /// <summary>Messages stored but not yet translated or quarantined, and the oldest one's age; unknown (-1) while PostgreSQL is down.</summary>
    sealed class ConsumerLagCheck(RawInbox inbox, ReliabilityCounters counters) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var data = new Dictionary<string, object>
            {
                ["republished"] = counters.Republished,
                ["redriven"] = counters.Redriven,
                ["republishFailures"] = counters.RepublishFailures,
            };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                var (pending, age) = await inbox.LagAsync(timeout.Token);
                data["pending"] = pending;
                if (age is { } a) data["oldestPendingSeconds"] = a.TotalSeconds;
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                data["pending"] = -1L;
            }
            return HealthCheckResult.Healthy(data: data);
        }
    }
}
