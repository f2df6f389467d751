using Logistics.Host.Infrastructure;
using NodaTime;

namespace Logistics.Host.Polling;

/// <summary>The budget of every configured carrier (those with a <see cref="CarrierAccount.BaseUrl"/>), by adapter id.</summary>
public sealed class CarrierBudgets(HostSettings settings, IClock clock) : IDisposable
{
    readonly Dictionary<string, CarrierBudget> _budgets = settings.Polling.Carriers
        .Where(c => c.Value.BaseUrl is not null)
        .ToDictionary(c => c.Key, c => new CarrierBudget(c.Key, c.Value, clock), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Carriers => _budgets.Keys;

    public CarrierBudget For(string carrier) =>
        _budgets.TryGetValue(carrier, out var b) ? b : throw new InvalidOperationException($"carrier '{carrier}' has no account under Logistics:Polling:Carriers");

    public IReadOnlyList<CarrierBudgetView> Views() => [.. _budgets.Values.OrderBy(b => b.Carrier, StringComparer.Ordinal).Select(b => b.View())];

    public void Dispose()
    {
        foreach (var b in _budgets.Values) b.Dispose();
    }
}
