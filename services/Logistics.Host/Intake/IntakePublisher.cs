using System.Threading.Channels;
using Logistics.Contracts;
using Logistics.Host.Infrastructure;
using MassTransit;
using NodaTime;

namespace Logistics.Host.Intake;

/// <summary>
/// Sends a stored message's reference to the translate queue with a bounded wait for the publisher confirm.
/// RabbitMQ.Client 7 can hang after a broker restart (rabbitmq-dotnet-client#1930): every send has a timeout, and after
/// a timeout sends are skipped for a short while — the message is already durable, the re-publisher sends it later.
/// Confirmed sends are marked published in batches off the request path.
/// </summary>
public sealed class IntakePublisher(ISendEndpointProvider endpoints, HostSettings settings, IClock clock, ILogger<IntakePublisher> log)
{
    readonly Channel<Guid> _confirmed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    // The receive endpoint declares its quorum queue and binds it to an exchange of the same name; sending to the exchange
    // keeps the send side from declaring the queue with other arguments (a 406 PRECONDITION_FAILED).
    readonly Uri _queue = new($"exchange:{settings.TranslateQueue}");
    long _skipUntilTicks;

    public ChannelReader<Guid> Confirmed => _confirmed.Reader;

    /// <returns>true when the broker confirmed the message.</returns>
    public async Task<bool> TrySendAsync(Guid rawId, string adapterId, CancellationToken ct)
    {
        if (clock.GetCurrentInstant().ToUnixTimeTicks() < Interlocked.Read(ref _skipUntilTicks)) return false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.PublishTimeout);
        try
        {
            var endpoint = await endpoints.GetSendEndpoint(_queue);
            await endpoint.Send(new RawMessageReceived { RawMessageId = rawId, AdapterId = adapterId }, timeout.Token);
            _confirmed.Writer.TryWrite(rawId);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or MassTransitException or TimeoutException && !ct.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _skipUntilTicks, (clock.GetCurrentInstant() + Duration.FromSeconds(3)).ToUnixTimeTicks());
            log.LogWarning("publish of {RawId} not confirmed ({Reason}); left to the re-publisher", rawId, ex.GetType().Name);
            return false;
        }
    }
}
