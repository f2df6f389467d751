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

    /// <summary>No key, or one that is unknown or revoked.</summary>
    public static ProblemHttpResult Unauthorized(string detail) =>
        Create(StatusCodes.Status401Unauthorized, "authentication required", "Authorization", detail);

    /// <summary>A valid key whose role (or user) may not do this.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, "not allowed for this key", "Authorization", detail);

    static ProblemHttpResult Create(int status, string title, string where, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["where"] = where });
}
