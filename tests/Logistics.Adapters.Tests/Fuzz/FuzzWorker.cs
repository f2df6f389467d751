namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>
/// Runs inputs on a dedicated thread so a hang can be timed out: the caller waits with a deadline and, on a hang,
/// abandons the (background) thread and starts a fresh worker. A large stack keeps deep-but-bounded recursion from
/// taking the test process down with it.
/// </summary>
public sealed class FuzzWorker : IDisposable
{
    readonly FuzzTarget _target;
    readonly Thread _thread;
    readonly SemaphoreSlim _go = new(0);
    readonly SemaphoreSlim _done = new(0);
    byte[] _input = [];
    int _seed;
    FuzzOutcome? _outcome;
    volatile bool _stop;

    public FuzzWorker(FuzzTarget target)
    {
        _target = target;
        _thread = new Thread(Loop, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = $"fuzz {target.Name}" };
        _thread.Start();
    }

    /// <summary>False when the input did not finish within <paramref name="timeout"/>; this worker is then unusable.</summary>
    public bool TryRun(byte[] input, int seed, TimeSpan timeout, out FuzzOutcome outcome)
    {
        _input = input;
        _seed = seed;
        _go.Release();
        if (_done.Wait(timeout))
        {
            outcome = _outcome!;
            return true;
        }
        outcome = new FuzzOutcome(FuzzResultKind.Crashed, $"hang: no result after {timeout.TotalSeconds:0.#} s");
        return false;
    }

    void Loop()
    {
        while (true)
        {
            _go.Wait();
            if (_stop) return;
            try
            {
                _outcome = _target.Run(_input, new Random(_seed));
            }
            catch (Exception ex)
            {
                // An adapter target already goes through Guard; this catches a codec or a harness bug.
                _outcome = new FuzzOutcome(FuzzResultKind.Crashed, $"{ex.GetType().Name}: {ex.Message}");
            }
            _done.Release();
        }
    }

    public void Dispose()
    {
        _stop = true;
        _go.Release();
    }
}
