using MassTransit;

namespace Logistics.Host.Infrastructure;

/// <summary>Completes once the bus has started (MassTransit starts it in the background: the host does not wait for the broker).</summary>
public sealed class BusStarted : IBusObserver
{
    readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _started.Task;

    public Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        _started.TrySetResult();
        return Task.CompletedTask;
    }

    public void PostCreate(IBus bus) { }
    public void CreateFaulted(Exception exception) { }
    public Task PreStart(IBus bus) => Task.CompletedTask;
    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;
    public Task PreStop(IBus bus) => Task.CompletedTask;
    public Task PostStop(IBus bus) => Task.CompletedTask;
    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
