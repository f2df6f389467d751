using System.Text.Encodings.Web;
using Logistics.Access;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Logistics.Host.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>. No header: no result (the route's policy then answers 401). An unknown or
/// revoked key: failed (401). The key store unreachable: 503 with Retry-After (like intake's own answer when the raw inbox
/// is down). 401, 403 and 503 are problem+json; none says whether a resource exists.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    const string StoreDown = "logistics:key-store-down";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("not a bearer credential");
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0) return AuthenticateResult.Fail("empty bearer credential");
        ApiKeyInfo? found;
        try { found = await keys.FindAsync(key, Context.RequestAborted); }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !Context.RequestAborted.IsCancellationRequested)
        {
            // The key cannot be checked: not a wrong key, so not 401. The challenge answers 503 and the sender retries.
            Context.Items[StoreDown] = ex.Message;
            return AuthenticateResult.Fail("key store unavailable");
        }
        return found is null
            ? AuthenticateResult.Fail("unknown or revoked key")
            : AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(found), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[StoreDown] is string reason)
        {
            Response.Headers.RetryAfter = "5";
            await Problems.Unavailable("API keys cannot be checked; nothing was done", "Authorization", reason).ExecuteAsync(Context);
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Problems.Unauthorized(failure is null ? "an API key is required" : $"the API key was refused: {failure}")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "?";
        var allowed = Context.GetEndpoint()?.Metadata.GetMetadata<AllowedRoles>();
        var detail = allowed is null ? $"role '{role}' may not call this route"
            : $"role '{role}' may not call this route; it needs one of: {string.Join(", ", allowed.WithAdmin.Select(r => Logistics.Access.Roles.Name(r)))}";
        return Problems.Forbidden(detail).ExecuteAsync(Context);
    }
}
