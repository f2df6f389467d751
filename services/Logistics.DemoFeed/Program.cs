using Logistics.DemoFeed;
using NodaTime;

// demo-feed --url http://127.0.0.1:5080 --key lgk_… [--interval-seconds 3]; the key may come from LOGISTICS_DEMO_KEY instead.
string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var url = Arg("--url") ?? Environment.GetEnvironmentVariable("LOGISTICS_URL") ?? "http://127.0.0.1:5080";
var key = Arg("--key") ?? Environment.GetEnvironmentVariable("LOGISTICS_DEMO_KEY");
if (key is null || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var host))
{
    Console.Error.WriteLine("demo-feed: give --url URL and --key INTEGRATOR_KEY (or LOGISTICS_DEMO_KEY)");
    return 2;
}
var seconds = double.TryParse(Arg("--interval-seconds"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await new DemoFeed(host, key, TimeSpan.FromSeconds(seconds), SystemClock.Instance, Console.Error).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
return 0;
