using System.Diagnostics;
using System.Globalization;
using Logistics.Host.Infrastructure;
using NodaTime;

namespace Logistics.Host.Webhooks;

/// <summary>
/// Sends due deliveries (each host polls the delivery table every <see cref="WebhookSettings.PollInterval"/>), signed per
/// Standard Webhooks with <c>webhook-id</c> = the notification id (stable across retries and replays, so receivers dedupe).
/// A 2xx is delivered; anything else is retried at base·2ⁿ⁻¹ (±25 % jitter, capped) until <see cref="WebhookSettings.MaxAttempts"/>.
/// </summary>
public sealed class DeliveryWorker(WebhookStore store, SecretBox secrets, IHttpClientFactory http, HostSettings settings, IClock clock,
    Telemetry.HostMetrics metrics, ILogger<DeliveryWorker> log) : BackgroundService
{
    public const string Client = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                var due = await store.ClaimDueAsync(32, settings.Webhooks.AttemptTimeout + TimeSpan.FromSeconds(30), stoppingToken);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken },
                    async (d, ct) => await SendAsync(d, ct));
                sent = due.Count;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "webhook deliveries: poll failed; retrying");
            }
            if (sent == 0)
                try { await Task.Delay(settings.Webhooks.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
        }
    }

    async Task SendAsync(WebhookStore.Due d, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new ByteArrayContent(d.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", d.NotificationId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Open(d.SubscriptionId, d.Secret), d.NotificationId, timestamp, d.Body));
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var response = await http.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (status is < 200 or >= 300) error = $"HTTP {status}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   && !ct.IsCancellationRequested)
        {
            error = ex.Message.Length > 300 ? ex.Message[..300] : ex.Message;
        }
        var attempt = d.Attempts + 1;
        Instant? retryAt = error is null || attempt >= settings.Webhooks.MaxAttempts ? null : now + Duration.FromTimeSpan(Backoff(attempt));
        await store.RecordAsync(d, now, status, error, (int)watch.ElapsedMilliseconds, retryAt, ct);
        metrics.WebhookAttempt(error is null ? "delivered" : retryAt is null ? "gave_up" : "retrying");
        if (error is not null) log.LogInformation("webhook {Delivery} attempt {Attempt} failed: {Error}", d.Id, attempt, error);
    }

    TimeSpan Backoff(int attempt)
    {
        var w = settings.Webhooks;
        var delay = Math.Min(w.MaxBackoff.TotalMilliseconds, w.BackoffBase.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(delay * (0.75 + Random.Shared.NextDouble() * 0.5));
    }
}
