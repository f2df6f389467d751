using System.Text.Json;
using Logistics.Adapters.OrbcommIdp;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Host.Polling.Carriers;

/// <summary>
/// An IDP mailbox's return messages, page by page: the first call from the subscription's start time (or the last day), then
/// from the previous page's <c>NextStartID</c> while <c>More</c> says more wait. Each page with messages is stored, and only
/// then does the cursor move to its <c>NextStartID</c>; a page without messages moves it at once (nothing to lose). A gateway
/// error (<c>ErrorID</c> not 0) is a failed poll: nothing stored, the cursor stays.
/// </summary>
public sealed class IdpPoller(IIdpMessagesApi api, CarrierBudgets budgets, PolledResponses responses, PollCursors cursors, IClock clock) : ICarrierPoller
{
    const int MaxPagesPerPoll = 50;
    static readonly InstantPattern IdpTime = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss");

    public sealed record Cursor(long? FromId, string? StartUtc);

    public string Carrier => OrbcommIdpAdapter.AdapterId;

    public async Task PollAsync(PollSubscription subscription, string? cursor, CancellationToken ct)
    {
        var account = budgets.For(Carrier).Account;
        var at = cursor is null ? null : JsonSerializer.Deserialize<Cursor>(cursor);
        at ??= new Cursor(null, IdpTime.Format(subscription.StartUtc is { } start
            ? Instant.FromDateTimeOffset(start) : clock.GetCurrentInstant() - Duration.FromDays(1)));
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            using var response = await api.GetReturnMessagesAsync(account.ClientId ?? "", account.ClientSecret ?? "",
                at.FromId, at.FromId is null ? at.StartUtc : null, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode) throw new PollFailedException($"{Carrier} {subscription.Id}: HTTP {(int)response.StatusCode}");
            var paging = IdpReturnCursor.Read(body)
                ?? throw new PollFailedException($"{Carrier} {subscription.Id}: not a get_return_messages page, or ErrorID not 0");
            var next = new Cursor(paging.NextStartId ?? at.FromId,
                paging.NextStartUtc is { } utc ? IdpTime.Format(utc) : at.StartUtc);
            var serialized = JsonSerializer.Serialize(next);
            if (HasMessages(body)) await responses.AcceptAsync(subscription, response, body, serialized, ct);
            else if (next != at) await cursors.AdvanceAsync(subscription, serialized, ct);
            at = next;
            if (!paging.More) return;
        }
    }

    static bool HasMessages(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("Messages", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0;
    }
}
