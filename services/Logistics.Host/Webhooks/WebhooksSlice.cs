using System.Text.Json;
using Logistics.Access;
using Logistics.Contracts.Notifications;
using Logistics.Host.Access;
using Logistics.Host.Infrastructure;
using Logistics.Host.Notifications;
using Logistics.Host.Shipments;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using NodaTime;

namespace Logistics.Host.Webhooks;

/// <summary>
/// Outbound webhooks (Standard Webhooks, docs/webhooks.md): per-tenant subscriptions with a secret shown once, deliveries
/// made from the notifications on RabbitMQ, sent by <see cref="DeliveryWorker"/> through an HTTP client whose connect step
/// is the SSRF guard, with a per-attempt timeout from Microsoft.Extensions.Http.Resilience.
/// </summary>
public static class WebhooksSlice
{
    public static string Queue(HostSettings settings) => $"{settings.QueuePrefix}-webhooks";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, HostSettings settings)
    {
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<IPlainTables>(sp => sp.GetRequiredService<WebhookStore>());
        services.AddSingleton<SecretBox>();
        services.AddSingleton<TargetGuard>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHttpClient(DeliveryWorker.Client, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Logistics-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<TargetGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                UseProxy = false,
            })
            .AddResilienceHandler("webhook-attempt", b => b.AddTimeout(settings.Webhooks.AttemptTimeout));
        return services;
    }

    /// <summary>The six notification consumers (called from MessagingSetup's bus registration).</summary>
    public static void AddWebhookConsumers(this IBusRegistrationConfigurator x)
    {
        x.AddConsumer<WebhookNotificationConsumer<MilestoneRecorded>, WebhookNotificationConsumerDefinition<MilestoneRecorded>>();
        x.AddConsumer<WebhookNotificationConsumer<ExcursionStarted>, WebhookNotificationConsumerDefinition<ExcursionStarted>>();
        x.AddConsumer<WebhookNotificationConsumer<AlarmRaised>, WebhookNotificationConsumerDefinition<AlarmRaised>>();
        x.AddConsumer<WebhookNotificationConsumer<ReportVersionCreated>, WebhookNotificationConsumerDefinition<ReportVersionCreated>>();
        x.AddConsumer<WebhookNotificationConsumer<GeofenceCrossed>, WebhookNotificationConsumerDefinition<GeofenceCrossed>>();
        x.AddConsumer<WebhookNotificationConsumer<EtaChanged>, WebhookNotificationConsumerDefinition<EtaChanged>>();
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/webhooks").WithTags("Webhooks");
        g.MapPost("/", Create).WithName("CreateWebhook").RequireRoles(Role.Shipper)
            .WithSummary("Subscribe a URL to events (milestone, excursion, alarm, report.version, geofence, eta.changed); the signing secret is in this response only.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        g.MapGet("/", List).WithName("ListWebhooks").RequireRoles(Role.Shipper, Role.Viewer)
            .WithSummary("The tenant's webhook subscriptions (never their secrets), disabled ones with the reason.");
        g.MapGet("/{id}", Get).WithName("GetWebhook").RequireRoles(Role.Shipper, Role.Viewer)
            .WithSummary("One webhook subscription.");
        g.MapDelete("/{id}", Delete).WithName("DeleteWebhook").RequireRoles(Role.Shipper)
            .WithSummary("Delete a subscription: nothing more is sent to it.");
        g.MapPost("/{id}/enable", Enable).WithName("EnableWebhook").RequireRoles(Role.Shipper)
            .WithSummary("Enable a subscription that was disabled after repeated failures; its pending deliveries are sent again.");
        g.MapGet("/{id}/deliveries", Deliveries).WithName("ListWebhookDeliveries").RequireRoles(Role.Shipper, Role.Viewer)
            .WithSummary("The delivery log of a subscription, newest first: status, attempts (time, HTTP status, error, duration), next attempt.");
        g.MapPost("/{id}/deliveries/{deliveryId}/replay", Replay).WithName("ReplayWebhookDelivery").RequireRoles(Role.Shipper)
            .WithSummary("Send a delivery again now, with the same webhook-id and body.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record Created(string Id, string Url, IReadOnlyList<string> Events, string Secret, Instant CreatedAt);

    public sealed record SubscriptionList(int Count, IReadOnlyList<WebhookSubscription> Items);

    public sealed record DeliveryLog(string WebhookId, int Count, IReadOnlyList<WebhookDelivery> Items);

    static async Task<Results<Created<Created>, ProblemHttpResult>> Create(JsonElement body, HttpContext http, WebhookStore store, SecretBox secrets,
        TargetGuard guard, IClock clock, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object) return Problems.BadRequest("the body must be a JSON object", "$");
        if (!body.TryGetProperty("url", out var u) || u.ValueKind != JsonValueKind.String || !Uri.TryCreate(u.GetString(), UriKind.Absolute, out var url))
            return Problems.BadRequest("missing or malformed url", "url", "an absolute http(s) URL");
        if (!body.TryGetProperty("events", out var e) || e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
            return Problems.BadRequest("missing events", "events", string.Join(", ", NotificationKinds.All));
        var events = new List<string>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !NotificationKinds.All.Contains(item.GetString()))
                return Problems.BadRequest($"unknown event {item}", $"events[{i}]", string.Join(", ", NotificationKinds.All));
            events.Add(item.GetString()!);
            i++;
        }
        if (await guard.RefusalAsync(url, ct) is { } why)
            return TypedResults.Problem(title: "webhook target refused", detail: why, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["where"] = "url" });
        if (!secrets.Configured)
            return Problems.Unavailable("webhooks are not configured on this host", "Logistics:Webhooks:SecretKey",
                "the key that encrypts webhook secrets at rest is not set (base64 of 32 bytes)");
        var caller = Caller.Of(http);
        var id = "wh_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        var secret = WebhookSignature.NewSecret();
        var now = clock.GetCurrentInstant();
        await store.AddAsync(caller.TenantId, id, url, events.Distinct().ToList(), secrets.Seal(id, secret), now, caller.KeyId, ct);
        return TypedResults.Created($"/webhooks/{id}", new Created(id, url.ToString(), events.Distinct().ToList(), secret, now));
    }

    static async Task<Ok<SubscriptionList>> List(HttpContext http, WebhookStore store, CancellationToken ct)
    {
        var items = await store.ListAsync(Caller.Of(http).TenantId, ct);
        return TypedResults.Ok(new SubscriptionList(items.Count, items));
    }

    static async Task<Results<Ok<WebhookSubscription>, ProblemHttpResult>> Get(string id, HttpContext http, WebhookStore store, CancellationToken ct) =>
        (await store.ListAsync(Caller.Of(http).TenantId, ct, id)).FirstOrDefault() is { } s ? TypedResults.Ok(s) : NotFound(id);

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext http, WebhookStore store, IClock clock, CancellationToken ct) =>
        await store.DeleteAsync(Caller.Of(http).TenantId, id, clock.GetCurrentInstant(), ct) ? TypedResults.NoContent() : NotFound(id);

    static async Task<Results<Ok<WebhookSubscription>, ProblemHttpResult>> Enable(string id, HttpContext http, WebhookStore store, CancellationToken ct)
    {
        var tenant = Caller.Of(http).TenantId;
        if (!await store.EnableAsync(tenant, id, ct)) return NotFound(id);
        return TypedResults.Ok((await store.ListAsync(tenant, ct, id))[0]);
    }

    static async Task<Results<Ok<DeliveryLog>, ProblemHttpResult>> Deliveries(string id, int? limit, HttpContext http, WebhookStore store, CancellationToken ct)
    {
        if (limit is < 1 or > 1000) return Problems.BadRequest($"limit {limit} out of range", "limit", "1..1000");
        var tenant = Caller.Of(http).TenantId;
        if ((await store.ListAsync(tenant, ct, id)).Count == 0) return NotFound(id);
        var items = await store.DeliveriesAsync(tenant, id, limit ?? 100, ct);
        return TypedResults.Ok(new DeliveryLog(id, items.Count, items));
    }

    static async Task<Results<Accepted<WebhookDelivery>, ProblemHttpResult>> Replay(string id, string deliveryId, HttpContext http, WebhookStore store,
        IClock clock, CancellationToken ct)
    {
        var tenant = Caller.Of(http).TenantId;
        if ((await store.ListAsync(tenant, ct, id)).FirstOrDefault() is not { } subscription) return NotFound(id);
        if (!subscription.Enabled)
            return Problems.Conflict("the subscription is disabled", "id", $"{subscription.DisabledReason}; enable it first (POST /webhooks/{id}/enable)");
        if (!await store.ReplayAsync(tenant, id, deliveryId, clock.GetCurrentInstant(), ct))
            return Problems.NotFound($"no delivery {deliveryId} of webhook {id}", "deliveryId");
        return TypedResults.Accepted($"/webhooks/{id}/deliveries", (await store.DeliveriesAsync(tenant, id, 1, ct, deliveryId))[0]);
    }

    static ProblemHttpResult NotFound(string id) => Problems.NotFound($"no webhook {id}", "id");
}
