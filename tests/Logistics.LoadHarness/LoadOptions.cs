namespace Logistics.LoadHarness;

/// <summary>
/// Command-line options: --url, --rate (requests/s), --seconds, --warmup-seconds, --devices, --postgres, --schema,
/// --drain-seconds, --ceilings SECONDS (after the load, measure the machine's ceilings for that long each; 0: skip).
/// </summary>
public sealed record LoadOptions(Uri Url, int Rate, int Seconds, int WarmupSeconds, int Devices, string Postgres, string Schema, int DrainSeconds,
    int CeilingSeconds)
{
    public static LoadOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new LoadOptions(
            new Uri(Get("--url", "http://127.0.0.1:5080")),
            int.Parse(Get("--rate", "500"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "30"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--warmup-seconds", "5"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--devices", "200"), System.Globalization.CultureInfo.InvariantCulture),
            Get("--postgres", Environment.GetEnvironmentVariable("LOGISTICS_POSTGRES") ?? "Host=127.0.0.1;Port=25432;Username=postgres;Database=logistics"),
            Get("--schema", "logistics"),
            int.Parse(Get("--drain-seconds", "300"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--ceilings", "0"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
