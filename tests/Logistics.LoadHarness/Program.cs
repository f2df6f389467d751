using Logistics.LoadHarness;

return await LoadRun.MainAsync(args);
