using Logistics.Host.Access;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Logistics.Host.Polling;

namespace Logistics.Host.Health;

/// <summary>
/// <c>GET /health</c>: the ASP.NET health checks of <see cref="HealthChecks"/>, written as
/// <c>{status, postgres, rabbitMq, consumer: {pending, oldestPendingSeconds}, translateConsumers, republisher, pollers}</c> (pollers: each polled carrier's request budget, Retry-After and circuit state, docs/pollers.md; not part of the status).
/// 200 when every check is healthy, 503 otherwise (a translate queue without a consumer is unhealthy), with the details either way.
/// </summary>
public static class HealthEndpoint
{
    public sealed record Component(string Status, string? Detail);

    public sealed record TranslateConsumers(string Status, string? Detail, object? Queues, long EndpointRestarts, long BusRestarts);

    public sealed record Republisher(long Republished, long Redriven, long Failures);

    public sealed record HealthReport(string Status, Component Postgres, Component RabbitMq, ConsumerLag Consumer,
        TranslateConsumers TranslateConsumers, Republisher Republisher, IReadOnlyList<CarrierBudgetView> Pollers);

    public sealed record ConsumerLag(long Pending, double? OldestPendingSeconds);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // A minimal-API route (not MapHealthChecks) so that it is in the route table and the OpenAPI document like every other.
        app.MapGet("/health", CheckAsync).WithName("Health").WithTags("Health").AllowAnonymousAccess()
            .Produces<HealthReport>(StatusCodes.Status200OK).Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("PostgreSQL, RabbitMQ, translate consumers in the broker's view, consumer lag and re-publisher counters; 503 when a dependency is down or a translate queue has no consumer. Anonymous.");
        return app;
    }

    static async Task<IResult> CheckAsync(HealthCheckService checks, CarrierBudgets pollers, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(HealthChecks.Tag), ct);
        static string StatusOf(HealthStatus s) => s == HealthStatus.Healthy ? "healthy" : "unhealthy";
        Component ComponentOf(string name) => report.Entries.TryGetValue(name, out var e)
            ? new Component(StatusOf(e.Status), e.Description ?? e.Exception?.Message)
            : new Component("unhealthy", "check not registered");
        T Data<T>(string check, string key, T fallback) =>
            report.Entries.TryGetValue(check, out var e) && e.Data.TryGetValue(key, out var v) && v is T t ? t : fallback;

        var consumers = report.Entries.TryGetValue(HealthChecks.TranslateConsumers, out var c) ? c : default;
        var body = new HealthReport(
            StatusOf(report.Status),
            ComponentOf(HealthChecks.Postgres),
            ComponentOf(HealthChecks.RabbitMq),
            new ConsumerLag(Data(HealthChecks.ConsumerLag, "pending", -1L),
                report.Entries.TryGetValue(HealthChecks.ConsumerLag, out var lag) && lag.Data.TryGetValue("oldestPendingSeconds", out var age) ? (double)age : null),
            new TranslateConsumers(StatusOf(consumers.Status), consumers.Description,
                consumers.Data?.TryGetValue("queues", out var q) == true ? q : null, Data(HealthChecks.TranslateConsumers, "endpointRestarts", 0L),
                Data(HealthChecks.TranslateConsumers, "busRestarts", 0L)),
            new Republisher(Data(HealthChecks.ConsumerLag, "republished", 0L), Data(HealthChecks.ConsumerLag, "redriven", 0L),
                Data(HealthChecks.ConsumerLag, "republishFailures", 0L)),
            pollers.Views());
        return Results.Json(body, statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
