using Logistics.Host.Access;
using Logistics.Host.Intake;
using MassTransit;
using Npgsql;

namespace Logistics.Host.Health;

/// <summary>
/// <c>GET /health</c>: PostgreSQL answers, the bus is connected, and the consumer lag (messages stored but not yet
/// translated, and the age of the oldest). 200 when all are healthy, 503 otherwise, with the details either way.
/// </summary>
public static class HealthEndpoint
{
    public sealed record Component(string Status, string? Detail);

    public sealed record HealthReport(string Status, Component Postgres, Component RabbitMq, ConsumerLag Consumer);

    public sealed record ConsumerLag(long Pending, double? OldestPendingSeconds);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithName("Health").WithTags("Health").AllowAnonymousAccess()
            .Produces<HealthReport>(StatusCodes.Status200OK).Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("PostgreSQL, RabbitMQ and consumer lag; 503 when a dependency is down. Anonymous.");
        return app;
    }

    static async Task<IResult> Check(NpgsqlDataSource db, IBusControl bus, RawInbox inbox, CancellationToken ct)
    {
        var postgres = await PostgresAsync(db, ct);
        var busHealth = bus.CheckHealth();
        var rabbit = new Component(busHealth.Status == BusHealthStatus.Healthy ? "healthy" : "unhealthy", busHealth.Description);
        // Lag is read from PostgreSQL; with PostgreSQL down it is unknown (-1).
        var lag = new ConsumerLag(-1, null);
        if (postgres.Status == "healthy")
        {
            var (pending, age) = await inbox.LagAsync(ct);
            lag = new ConsumerLag(pending, age?.TotalSeconds);
        }
        var healthy = postgres.Status == "healthy" && rabbit.Status == "healthy";
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", postgres, rabbit, lag);
        return Results.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    static async Task<Component> PostgresAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand("select 1");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await cmd.ExecuteScalarAsync(timeout.Token);
            return new Component("healthy", null);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new Component("unhealthy", ex.Message);
        }
    }
}
