using Logistics.Access;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Polling.Carriers;
using Logistics.Host.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Refit;

namespace Logistics.Host.Polling;

/// <summary>
/// Pollers (docs/pollers.md): carriers whose API must be asked. For each configured carrier account a Refit client whose
/// pipeline is, outermost first, a total timeout, retries (Retry-After honoured, else exponential back-off with jitter), a
/// circuit breaker and a per-attempt timeout (Microsoft.Extensions.Http.Resilience), then the carrier's budget
/// (<see cref="CarrierBudgetHandler"/>) next to the wire. <see cref="PollScheduler"/> polls the tenants' subscriptions; the
/// responses take the intake path (<see cref="PolledResponses"/>). <c>GET /polling/cursors</c> shows a tenant its cursors.
/// </summary>
public static class PollingSlice
{
    static readonly string[] Known = ["ups", "fedex", "dhl", "orbcomm-idp"];
    static readonly string[] Tracking = ["ups", "fedex", "dhl"];

    public static IServiceCollection AddPolling(this IServiceCollection services, HostSettings settings)
    {
        var polling = settings.Polling;
        var carriers = polling.Carriers.Where(c => c.Value.BaseUrl is not null).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        Validate(polling, carriers);

        services.AddSingleton<CarrierBudgets>();
        services.AddSingleton<PollCursors>();
        services.AddSingleton<IPlainTables>(sp => sp.GetRequiredService<PollCursors>());
        services.AddSingleton<PolledResponses>();
        foreach (var (carrier, account) in carriers)
        {
            switch (carrier)
            {
                case "ups": AddPoller<IUpsApi, UpsPoller>(services, carrier, account); break;
                case "fedex": AddPoller<IFedexApi, FedexPoller>(services, carrier, account); break;
                case "dhl": AddPoller<IDhlApi, DhlPoller>(services, carrier, account); break;
                case "orbcomm-idp": AddPoller<IIdpMessagesApi, IdpPoller>(services, carrier, account); break;
            }
        }
        services.AddHostedService<PollScheduler>();
        return services;
    }

    public static IEndpointRouteBuilder MapPolling(this IEndpointRouteBuilder app)
    {
        app.MapGet("/polling/cursors", Cursors).WithName("PollCursors").WithTags("Polling")
            .RequireRoles(Role.Integrator, Role.Viewer)
            .WithSummary("The caller's tenant's poll subscriptions: each one's cursor, when it last advanced and how often.");
        return app;
    }

    public sealed record CursorList(int Count, IReadOnlyList<PollCursors.CursorView> Items);

    static async Task<CursorList> Cursors(HttpContext http, PollCursors cursors, CancellationToken ct)
    {
        var items = await cursors.ForTenantAsync(Caller.Of(http).TenantId, ct);
        return new CursorList(items.Count, items);
    }

    static void AddPoller<TApi, TPoller>(IServiceCollection services, string carrier, CarrierAccount account)
        where TApi : class where TPoller : class, ICarrierPoller
    {
        var client = services.AddRefitGeneratedClient<TApi>()
            .ConfigureHttpClient(c =>
            {
                c.BaseAddress = account.BaseUrl;
                // The resilience pipeline's total timeout governs (Retry-After waits included).
                c.Timeout = Timeout.InfiniteTimeSpan;
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Logistics-Poller/1.0");
            });
        client.AddResilienceHandler($"poll-{carrier}", (pipeline, context) =>
            {
                var budget = context.ServiceProvider.GetRequiredService<CarrierBudgets>().For(carrier);
                pipeline
                    .AddTimeout(account.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = account.MaxRetries,
                        Delay = account.RetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = Math.Max(2, account.BreakerMinimumThroughput),
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = account.BreakDuration,
                        StateProvider = budget.Circuit,
                    })
                    .AddTimeout(account.AttemptTimeout);
            });
        // Added after the resilience handler, so it is the innermost: every attempt on the wire passes through it.
        client.AddHttpMessageHandler(sp => new CarrierBudgetHandler(sp.GetRequiredService<CarrierBudgets>().For(carrier), sp.GetRequiredService<PollerBudgets>()));
        services.AddSingleton<TPoller>();
        services.AddSingleton<ICarrierPoller>(sp => sp.GetRequiredService<TPoller>());
    }

    /// <summary>A configuration mistake stops the host at start with one line naming it, instead of a poller that never runs.</summary>
    static void Validate(PollingSettings polling, Dictionary<string, CarrierAccount> carriers)
    {
        foreach (var carrier in polling.Carriers.Keys.Where(c => !Known.Contains(c)))
            throw new InvalidOperationException($"Logistics:Polling:Carriers:{carrier}: no poller for '{carrier}' (known: {string.Join(", ", Known)})");
        foreach (var s in polling.Subscriptions)
        {
            var where = $"Logistics:Polling:Subscriptions '{s.Id}' (tenant {s.Tenant})";
            if (string.IsNullOrWhiteSpace(s.Id) || string.IsNullOrWhiteSpace(s.Tenant))
                throw new InvalidOperationException($"{where}: Id and Tenant are required");
            if (!carriers.ContainsKey(s.Carrier))
                throw new InvalidOperationException($"{where}: carrier '{s.Carrier}' has no account with a BaseUrl under Logistics:Polling:Carriers");
            if (Tracking.Contains(s.Carrier) && s.TrackingNumbers.Count == 0)
                throw new InvalidOperationException($"{where}: TrackingNumbers is empty");
            if (s.Interval <= TimeSpan.Zero)
                throw new InvalidOperationException($"{where}: Interval must be positive");
        }
    }
}
