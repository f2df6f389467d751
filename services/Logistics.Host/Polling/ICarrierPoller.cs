namespace Logistics.Host.Polling;

/// <summary>
/// Polls one carrier for one subscription from its cursor. Every response worth keeping goes through
/// <see cref="PolledResponses.AcceptAsync"/> (stored, then the cursor moves); a failure throws, leaving the cursor where the
/// last stored response put it.
/// </summary>
public interface ICarrierPoller
{
    /// <summary>The carrier's adapter id (<c>ups</c>, <c>fedex</c>, <c>dhl</c>, <c>orbcomm-idp</c>).</summary>
    string Carrier { get; }

    Task PollAsync(PollSubscription subscription, string? cursor, CancellationToken ct);
}

/// <summary>A poll the carrier answered with something other than a response to store (an HTTP error, a gateway error code).</summary>
public sealed class PollFailedException(string message) : Exception(message);
