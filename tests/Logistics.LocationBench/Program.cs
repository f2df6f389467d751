using Logistics.LocationBench;

return await Bench.MainAsync(args);
