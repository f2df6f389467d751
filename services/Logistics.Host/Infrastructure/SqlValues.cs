using NodaTime;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// Parameter values for SQL queued through Marten (<c>QueueSqlCommand</c>), whose type inference knows no NodaTime:
/// instants travel as UTC <see cref="DateTimeOffset"/>s (timestamptz), absent ones as DBNull.
/// </summary>
public static class SqlValues
{
    public static DateTimeOffset Utc(Instant instant) => instant.ToDateTimeOffset();

    public static object Nullable(Instant? instant) => instant is { } i ? i.ToDateTimeOffset() : DBNull.Value;
}
