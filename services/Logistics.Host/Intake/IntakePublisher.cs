using System.Threading.Channels;
using Logistics.Contracts;
using Logistics.Host.Infrastructure;
using MassTransit;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Logistics.Host.Intake;

/// <summary>
/// Sends a stored message's reference to the translate queue with a bounded wait for the publisher confirm.
/// RabbitMQ.Client 7 can hang after a broker restart (rabbitmq-dotnet-client#1930): every send has a timeout, and when
/// sends keep failing a circuit breaker (Polly) skips them for a short while — the message is already durable, the
/// re-publisher sends it later. Confirmed sends are marked published in batches off the request path.
/// </summary>
public sealed class IntakePublisher
{
    readonly Channel<Guid> _confirmed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    // The receive endpoint declares its quorum queue and binds it to an exchange of the same name; sending to the exchange
    // keeps the send side from declaring the queue with other arguments (a 406 PRECONDITION_FAILED).
    readonly Uri _queue;
    readonly ISendEndpointProvider _endpoints;
    readonly ILogger<IntakePublisher> _log;
    readonly ResiliencePipeline _pipeline;

    public IntakePublisher(ISendEndpointProvider endpoints, HostSettings settings, TimeProvider time, ILogger<IntakePublisher> log)
    {
        _endpoints = endpoints;
        _log = log;
        _queue = new Uri($"exchange:{settings.TranslateQueue}");
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Half the sends of the last two seconds failing (at least a few of them) opens the circuit for 3 s;
                // then one trial send decides whether it closes again.
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = TimeSpan.FromSeconds(3),
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<MassTransitException>()
                    .Handle<TimeoutException>().Handle<OperationCanceledException>(),
            })
            .AddTimeout(settings.PublishTimeout)
            .Build();
    }

    public ChannelReader<Guid> Confirmed => _confirmed.Reader;

    /// <returns>true when the broker confirmed the message; false when it did not in time, or the circuit is open.</returns>
    public async Task<bool> TrySendAsync(Guid rawId, string adapterId, CancellationToken ct)
    {
        try
        {
            await _pipeline.ExecuteAsync(async token =>
            {
                var endpoint = await _endpoints.GetSendEndpoint(_queue);
                await endpoint.Send(new RawMessageReceived { RawMessageId = rawId, AdapterId = adapterId }, token);
            }, ct);
            _confirmed.Writer.TryWrite(rawId);
            return true;
        }
        catch (BrokenCircuitException)
        {
            return false;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException or MassTransitException or TimeoutException
                                   && !ct.IsCancellationRequested)
        {
            _log.LogWarning("publish of {RawId} not confirmed ({Reason}); left to the re-publisher", rawId, ex.GetType().Name);
            return false;
        }
    }
}
