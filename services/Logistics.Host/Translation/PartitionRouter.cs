using Logistics.Contracts;
using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using Logistics.Host.Intake;
using MassTransit;

namespace Logistics.Host.Translation;

/// <summary>
/// Stage one of translation, on every host as competing consumers: for each stored message of the batch, find the
/// stream its events go to (the adapter is a pure function, so translating here and again in stage two gives the same
/// key) and send the reference on to that key's partition. The batch is acknowledged only after every forward is
/// confirmed; a crash in between forwards some references twice, which stage two skips (done messages are not reloaded).
/// </summary>
public sealed class PartitionRouter(RawInbox inbox, DeviceProfiles profiles, HostSettings settings, ILogger<PartitionRouter> log)
    : IConsumer<Batch<RawMessageReceived>>
{
    public async Task Consume(ConsumeContext<Batch<RawMessageReceived>> context)
    {
        var ct = context.CancellationToken;
        var ids = context.Message.Select(m => m.Message.RawMessageId).Distinct().ToList();
        var pending = await inbox.LoadPendingAsync(ids, ct);
        if (pending.Count == 0) return;

        var deviceCodecs = await profiles.SnapshotAsync(pending.Select(r => r.TenantId).Distinct().ToList(), ct);
        var endpoint = await context.GetSendEndpoint(new Uri($"exchange:{settings.PartitionExchange}?type=direct"));
        await Task.WhenAll(pending.Select(raw =>
        {
            var key = PartitionKeyOf(raw, device => deviceCodecs(raw.TenantId, device));
            var partition = Partitioning.PartitionOf(key, settings.TranslatePartitions);
            return endpoint.Send(new RawMessageReceived { RawMessageId = raw.Id, AdapterId = raw.AdapterId, PartitionKey = key },
                send => send.SetRoutingKey(partition.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }));
        log.LogDebug("routed {Count} messages to {Partitions} partitions", pending.Count, settings.TranslatePartitions);
    }

    /// <summary>
    /// The tenant and the stream key of the message's first event (conjoined tenancy: a stream is identified by both, so
    /// two tenants' streams of the same device are different streams, and may be written by different partitions).
    /// A message whose events span several streams goes to the first one's
    /// partition (its other streams may meet another partition's writer: optimistic concurrency rolls one batch back and
    /// it is retried). A rejection appends no event, so any partition will do: its own id spreads them.
    /// </summary>
    public static string PartitionKeyOf(RawMessage raw, Func<string, string?> deviceCodecs) =>
        TranslateConsumer.Translate(raw, deviceCodecs) is TranslatedOutcome { Events.Count: > 0 } t
            ? Partitioning.KeyOf(raw.TenantId, StreamRouting.StreamKeyFor(t.Events[0]))
            : $"raw:{raw.Id}";
}
