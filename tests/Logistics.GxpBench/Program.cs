using Logistics.GxpBench;

// dotnet run -c Release --project tests/Logistics.GxpBench -- report|alarms [options]   (docs/performance.md)
return args.FirstOrDefault() switch
{
    "report" => await ReportBench.RunAsync(args[1..]),
    "alarms" => await AlarmBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Logistics.GxpBench report [--days 60] [--loggers 4] [--background 1000000] [--repeat 3] [--keep] [--reuse SCHEMA TENANT SHIPMENT AUDITKEY] [--save DIR]");
    Console.Error.WriteLine("       Logistics.GxpBench alarms [--rate 1000] [--seconds 60] [--shipments 500] [--keep]");
    return 2;
}
