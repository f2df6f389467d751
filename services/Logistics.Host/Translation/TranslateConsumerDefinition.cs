using Logistics.Host.Infrastructure;
using MassTransit;

namespace Logistics.Host.Translation;

/// <summary>
/// The translate endpoint: a quorum queue with an explicit delivery limit (RabbitMQ 3.10 sets none), batches for Marten's
/// batched append, one batch at a time so two writers never append to the same stream at once, and in-process retry
/// (MassTransit's delayed redelivery is broken since 8.3.2) before the message moves to the _error queue.
/// </summary>
public sealed class TranslateConsumerDefinition : ConsumerDefinition<TranslateConsumer>
{
    readonly HostSettings _settings;

    public TranslateConsumerDefinition(HostSettings settings)
    {
        _settings = settings;
        EndpointName = settings.TranslateQueue;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TranslateConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.PrefetchCount = Math.Max(_settings.BatchSize * 2, 16);
        endpoint.ConcurrentMessageLimit = _settings.BatchSize * 2;
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.SetQueueArgument("x-delivery-limit", 20);
        }
        endpoint.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
        consumer.Options<BatchOptions>(o => o
            .SetMessageLimit(_settings.BatchSize)
            .SetTimeLimit(_settings.BatchTimeLimit)
            .SetConcurrencyLimit(1));
    }
}
