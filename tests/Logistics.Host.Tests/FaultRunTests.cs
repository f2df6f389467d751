using Logistics.FaultHarness;
using Logistics.Host.Tests.Support;
using Xunit.Abstractions;

namespace Logistics.Host.Tests;

/// <summary>
/// G1, the short fault run: a real host process under sustained load while RabbitMQ's VM, PostgreSQL's postmaster and
/// the host itself are SIGKILLed in turn (tests/Logistics.FaultHarness; the long run is in docs/reliability.md).
/// In the host collection so that no other host test runs while the services are killed.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_broker_database_and_host_are_killed_under_load(ITestOutputHelper output)
{
    [Fact]
    public async Task every_accepted_message_is_stored_and_translated_once_and_translation_resumes_after_each_kill()
    {
        var hostDll = Path.Combine(LocalServices.RepoRoot, "services", "Logistics.Host", "bin", "Debug", "net10.0", "Logistics.Host.dll");
        var options = FaultOptions.Parse(["--repo", LocalServices.RepoRoot, "--host-dll", hostDll, "--rate", "100", "--seconds", "48",
            "--kills", "3", "--down-seconds", "2", "--drain-seconds", "150"]);
        var ledger = await FaultRun.RunAsync(options, output.WriteLine, CancellationToken.None);
        output.WriteLine(ledger.Format(nameof(When_broker_database_and_host_are_killed_under_load)));
        foreach (var k in ledger.Kills) output.WriteLine(k.Format());

        Assert.Equal(3, ledger.FaultsInjected);
        Assert.True(ledger.Accepted > 0, "nothing was accepted");
        Assert.Equal(0, ledger.AcceptedNotStored);
        Assert.Equal(0, ledger.AcceptedNotTranslated);
        Assert.Equal(0, ledger.Missing);
        Assert.Equal(0, ledger.Extra);
        Assert.All(ledger.Kills, k => Assert.NotNull(k.DrainSeconds));
    }
}
