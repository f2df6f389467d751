using System.Globalization;

namespace Logistics.Adapters.Tests.Fuzz;

/// <summary>
/// Fuzz budget and seed from the environment: <c>FUZZ_SECONDS</c> per target (default 5), <c>FUZZ_SEED</c>
/// (default 20260101; every target derives its own seed from it and its name), <c>FUZZ_HANG_SECONDS</c> (default 2),
/// <c>FUZZ_LEDGER</c> (a file to append the ledger lines to, besides the test output).
/// </summary>
public static class FuzzSettings
{
    public static TimeSpan Budget => TimeSpan.FromSeconds(Number("FUZZ_SECONDS", 5));

    public static int BaseSeed => (int)Number("FUZZ_SEED", 20260101);

    public static TimeSpan HangTimeout => TimeSpan.FromSeconds(Number("FUZZ_HANG_SECONDS", 2));

    public static string? LedgerFile => Environment.GetEnvironmentVariable("FUZZ_LEDGER");

    static double Number(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
