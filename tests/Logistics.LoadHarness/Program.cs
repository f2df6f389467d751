using Logistics.LoadHarness;

return args.FirstOrDefault() switch
{
    "bulk-load" => await BulkLoad.MainAsync(args[1..]),
    "ceilings" => await Ceilings.MainAsync(args[1..]),
    _ => await LoadRun.MainAsync(args),
};
