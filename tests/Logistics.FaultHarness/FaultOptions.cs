using System.Globalization;

namespace Logistics.FaultHarness;

/// <summary>
/// What to run: <c>--host-dll</c> (a built Logistics.Host.dll), <c>--hosts</c> host processes on ports from
/// <c>--base-port</c>, <c>--rate</c> uplinks/s for <c>--seconds</c>, <c>--kills</c> SIGKILLs spread evenly over the run
/// (broker, postmaster, a host, in turn; <c>--targets</c> picks others, e.g. <c>rabbitmq,postgres</c>, or
/// <c>rabbitmq-node</c>: a node of the local 3-node cluster of deploy/local/cluster.sh, with <c>--rabbitmq-cluster</c>),
/// each dependency kept down <c>--down-seconds</c>, then up to <c>--drain-seconds</c> to drain.
/// <c>--repo</c> is the repository root (its deploy/local scripts kill and start the services).
/// </summary>
public sealed record FaultOptions(
    string Repo, string HostDll, int Hosts, int BasePort, int Rate, int Seconds, int Kills, string[] Targets,
    double DownSeconds, int DrainSeconds, int Devices, string Postgres, string RabbitMq, string RabbitMqCluster, int Partitions)
{
    public static FaultOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var repo = Get("--repo", FindRepo(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory());
        var url = new Uri(Environment.GetEnvironmentVariable("LOGISTICS_URL") ?? "http://127.0.0.1:5080");
        return new FaultOptions(
            repo,
            Get("--host-dll", Path.Combine(repo, "services", "Logistics.Host", "bin", "Release", "net10.0", "Logistics.Host.dll")),
            Int("--hosts", 1),
            Int("--base-port", url.Port + 100),
            Int("--rate", 200),
            Int("--seconds", 60),
            Int("--kills", 3),
            Get("--targets", "rabbitmq,postgres,host").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            double.Parse(Get("--down-seconds", "2"), CultureInfo.InvariantCulture),
            Int("--drain-seconds", 180),
            Int("--devices", 100),
            Get("--postgres", Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES") ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics"),
            Get("--rabbitmq", Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ") ?? "rabbitmq://127.0.0.1:25672"),
            Get("--rabbitmq-cluster", Environment.GetEnvironmentVariable("LOGISTICS_RABBITMQ_CLUSTER") ?? ""),
            Int("--partitions", 4));
    }

    static string? FindRepo(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Logistics.sln"))) return d.FullName;
        return null;
    }
}
