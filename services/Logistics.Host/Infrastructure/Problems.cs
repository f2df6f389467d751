using Microsoft.AspNetCore.Http.HttpResults;

namespace Logistics.Host.Infrastructure;

/// <summary>RFC 9457 problem+json answers that say what was wrong and where.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string title, string where, string? detail = null) =>
        Create(StatusCodes.Status404NotFound, title, where, detail);

    public static ProblemHttpResult BadRequest(string title, string where, string? expected = null) =>
        Create(StatusCodes.Status400BadRequest, title, where, expected is null ? null : $"expected {expected}");

    public static ProblemHttpResult Conflict(string title, string where, string? detail = null) =>
        Create(StatusCodes.Status409Conflict, title, where, detail);

    public static ProblemHttpResult TooLarge(long? size, int limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "body too large", "body",
            size is { } s ? $"{s} bytes; the limit is {limit} bytes" : $"more than the limit of {limit} bytes");

    /// <summary>A dependency is down and nothing was stored: the sender should retry (RFC 9110 §15.6.4).</summary>
    public static ProblemHttpResult Unavailable(string title, string where, string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, title, where, detail);

    static ProblemHttpResult Create(int status, string title, string where, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["where"] = where });
}
