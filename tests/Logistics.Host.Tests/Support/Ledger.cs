using Xunit.Abstractions;

namespace Logistics.Host.Tests.Support;

/// <summary>The GUARANTEES.md ledger a promise test reports: pass means missing 0 and extra 0.</summary>
public sealed record Ledger(int Sent, int Accepted, int Rejected, long EventsStored, long UniqueKeys, long DuplicatesSuppressed,
    int FaultsInjected, TimeSpan TimeToDrain)
{
    public long Missing => UniqueKeys - EventsStored;
    public long Extra => EventsStored - UniqueKeys;

    public void Report(ITestOutputHelper output, string test) =>
        output.WriteLine($"LEDGER {test}: sent={Sent} accepted={Accepted} rejected={Rejected} eventsStored={EventsStored} " +
                         $"uniqueKeys={UniqueKeys} duplicatesSuppressed={DuplicatesSuppressed} missing={Missing} extra={Extra} " +
                         $"faultsInjected={FaultsInjected} timeToDrain={TimeToDrain.TotalSeconds:0.0}s");
}
