using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Cli;

/// <summary>An instant option (--received-at, --created-at, --generated-at): its value, or now from the injected clock.</summary>
public static class CliInstants
{
    public static Instant OptionOrNow(CliIo io, string? text, string command, string option) =>
        text is null ? io.Clock.GetCurrentInstant()
        : InstantText.TryParse(text, out var instant) ? instant
        : throw new CliUsageException($"{command}: {option} '{text}' is not an ISO-8601 instant (e.g. {InstantText.Example})");
}
