namespace Logistics.Adapters.Sdk;

/// <summary>
/// The boundary every caller goes through: an adapter bug (an exception) becomes a rejection naming the fault,
/// so a malformed payload can never crash the pipeline or wedge a queue. The conformance kit and the fuzz run
/// still fail an adapter whose exception reaches this guard.
/// </summary>
public static class Guard
{
    public const string FaultPosition = "adapter fault";

    public static TranslationResult Translate(IAdapter adapter, ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        try
        {
            return adapter.Translate(raw, context);
        }
        catch (Exception ex)
        {
            return TranslationResult.Reject(FaultPosition, "a translation without an exception",
                $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public static bool IsFault(TranslationResult result) => result is Rejected { Rejection.Position: FaultPosition };
}
