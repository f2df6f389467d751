namespace Logistics.FakeCarrier;

/// <summary>
/// <c>dotnet run --project tests/Logistics.FakeCarrier [-- URL]</c>: the fake carrier with the G9 fault schedule on
/// URL (default http://127.0.0.1:5999), serving UPS 1ZFAKE0000000001, FedEx 700000000001, DHL 1000000001 and an IDP mailbox.
/// Credentials are those of <see cref="FakeCarrierOptions"/>. The tests start it in-process instead.
/// </summary>
public static class FakeCarrierProgram
{
    public static async Task Main(string[] args)
    {
        var options = new FakeCarrierOptions
        {
            Faults = FaultSchedule.G9,
            TrackingNumbers = new(StringComparer.Ordinal)
            {
                ["ups"] = ["1ZFAKE0000000001"],
                ["fedex"] = ["700000000001"],
                ["dhl"] = ["1000000001"],
            },
        };
        await using var fake = await FakeCarrierApp.StartAsync(options, args.FirstOrDefault() ?? "http://127.0.0.1:5999");
        Console.WriteLine($"fake carrier on {fake.BaseUrl}; Ctrl-C stops it");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        await stop.Task;
    }
}
