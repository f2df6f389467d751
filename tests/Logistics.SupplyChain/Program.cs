using Logistics.SupplyChain;

// logistics-supply-chain <solution|project> <advisories.json> [max-age-days]: exit 0 pass, 1 gate failed, 2 bad usage.
if (args.Length is < 2 or > 3 || (args.Length == 3 && !int.TryParse(args[2], out _)))
{
    Console.Error.WriteLine("usage: Logistics.SupplyChain <solution-or-project> <advisories.json> [max-age-days (default 180)]");
    return 2;
}
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
var gate = new Gate(Console.Out, url => http.GetStringAsync(url), Gate.DotnetAsync);
try
{
    return await gate.RunAsync(new Gate.Options(args[0], args[1], args.Length == 3 ? int.Parse(args[2]) : 180, DateOnly.FromDateTime(DateTime.UtcNow)));
}
catch (InvalidOperationException ex)
{
    Console.WriteLine($"[supply-chain] GATE FAILED (closed): {ex.Message}");
    return 1;
}
