namespace Logistics.LoadHarness;

/// <summary>
/// Command-line options: --url, --key (an integrator key; or LOGISTICS_LOAD_KEY), --rate (requests/s), --seconds,
/// --warmup-seconds, --devices, --postgres, --schema, --drain-seconds.
/// </summary>
public sealed record LoadOptions(Uri Url, string? Key, int Rate, int Seconds, int WarmupSeconds, int Devices, string Postgres, string Schema, int DrainSeconds)
{
    static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    public static LoadOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new LoadOptions(
            new Uri(Get("--url", "http://127.0.0.1:5080")),
            Arg(args, "--key") ?? Environment.GetEnvironmentVariable("LOGISTICS_LOAD_KEY"),
            int.Parse(Get("--rate", "500"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "30"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--warmup-seconds", "5"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--devices", "200"), System.Globalization.CultureInfo.InvariantCulture),
            Get("--postgres", Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES") ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics"),
            Get("--schema", "logistics"),
            int.Parse(Get("--drain-seconds", "300"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
