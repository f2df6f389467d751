using System.Diagnostics;

namespace Logistics.FaultHarness;

/// <summary>One real host process (dotnet Logistics.Host.dll) on a loopback port, killed with SIGKILL (Process.Kill on Unix).</summary>
public sealed class HostProcess(FaultOptions o, int index, string schema, string queuePrefix, string logDir) : IDisposable
{
    Process? _process;

    public Uri Url { get; } = new($"http://127.0.0.1:{o.BasePort + index}");
    public int Index { get; } = index;

    public void Start()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(o.HostDll);
        psi.Environment["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/');
        psi.Environment["LOGISTICS_POSTGRES"] = o.Postgres;
        psi.Environment["LOGISTICS_RABBITMQ"] = o.RabbitMq;
        psi.Environment["LOGISTICS_RABBITMQ_CLUSTER"] = o.RabbitMqCluster;
        psi.Environment["Logistics__Schema"] = schema;
        psi.Environment["Logistics__QueuePrefix"] = queuePrefix;
        psi.Environment["Logistics__TranslatePartitions"] = o.Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Logistics__RepublishAfter"] = "00:00:03";
        psi.Environment["Logistics__RedriveAfter"] = "00:00:30";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Logistics"] = "Information";
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        _process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(Path.Combine(logDir, $"host-{Index}.log"), append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool Running => _process is { HasExited: false };

    /// <summary>SIGKILL: no shutdown hooks, no broker close, no flush — a crash.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: false);
            p.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}
