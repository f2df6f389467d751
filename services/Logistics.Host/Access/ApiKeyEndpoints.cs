using Logistics.Access;
using Logistics.Host.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Access;

/// <summary><c>POST/GET/DELETE /api-keys</c> (admin) and <c>PUT /users/{email}/signing-password</c> (the key's own user).</summary>
public static class ApiKeyEndpoints
{
    public sealed record IssueRequest(string? Name, string? Role, string? User);

    public sealed record IssuedKeyView(string Id, string Key, string Role, string? User, string Name, Instant CreatedAt);

    public sealed record KeyView(string Id, string Name, string Role, string? User, Instant CreatedAt, Instant? RevokedAt);

    public sealed record KeyList(int Count, IReadOnlyList<KeyView> Items);

    public sealed record PasswordRequest(string? Password);

    internal static async Task<Results<Created<IssuedKeyView>, ProblemHttpResult>> Issue(IssueRequest? body, HttpContext http, ApiKeyStore store,
        CancellationToken ct)
    {
        if (body is null) return Problems.BadRequest("missing body", "body", "{\"name\", \"role\", \"user\"}");
        if (!Roles.TryParse(body.Role, out var role))
            return Problems.BadRequest($"unknown role '{body.Role}'", "role", string.Join("|", Roles.All.Select(r => r.Name())));
        var name = (body.Name ?? body.User ?? role.Name()).Trim();
        if (name.Length is 0 or > 200) return Problems.BadRequest("name must be 1..200 characters", "name");
        var user = body.User?.Trim();
        if (user is { Length: > 0 } && !LooksLikeEmail(user)) return Problems.BadRequest($"'{user}' is not an e-mail address", "user", "e.g. qa@example.com");
        var caller = Caller.Of(http);
        var issued = await store.IssueAsync(caller.TenantId, name, role, user is { Length: > 0 } ? user : null, Audit.AuditActors.Of(caller), ct);
        return TypedResults.Created($"/api-keys/{issued.Info.Id}",
            new IssuedKeyView(issued.Info.Id, issued.Key, role.Name(), issued.Info.User, issued.Info.Name, issued.Info.CreatedAt));
    }

    internal static async Task<Ok<KeyList>> List(HttpContext http, ApiKeyStore store, CancellationToken ct)
    {
        var keys = await store.ListAsync(Caller.Of(http).TenantId, ct);
        return TypedResults.Ok(new KeyList(keys.Count, keys.Select(k => new KeyView(k.Id, k.Name, k.Role.Name(), k.User, k.CreatedAt, k.RevokedAt)).ToList()));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, HttpContext http, ApiKeyStore store, ApiKeyCache cache,
        CancellationToken ct)
    {
        var caller = Caller.Of(http);
        if (!await store.RevokeAsync(caller.TenantId, id, Audit.AuditActors.Of(caller), ct))
            return Problems.NotFound($"no live key {id}", "id");
        cache.Evict(id);
        return TypedResults.NoContent();
    }

    public sealed record WhoAmI(string TenantId, string? TenantName, string KeyId, string Role, string? User);

    /// <summary>Who the key is: its tenant (id and name), its id, role and user, so a client can show whom it acts for.</summary>
    internal static async Task<Ok<WhoAmI>> Me(HttpContext http, ApiKeyStore store, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        return TypedResults.Ok(new WhoAmI(caller.TenantId, await store.TenantNameAsync(caller.TenantId, ct), caller.KeyId, caller.Role.Name(), caller.User));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetSigningPassword(string email, PasswordRequest? body, HttpContext http,
        SigningPasswords passwords, CancellationToken ct)
    {
        var caller = Caller.Of(http);
        if (caller.User is null || !string.Equals(caller.User, email, StringComparison.OrdinalIgnoreCase))
            return Problems.Forbidden(caller.User is null
                ? "this key belongs to no user; issue a key with \"user\" to set a signing password"
                : "a signing password can only be set with its own user's key");
        if (body?.Password is not { } password || password.Length < SigningPasswords.MinLength)
            return Problems.BadRequest($"the password must have at least {SigningPasswords.MinLength} characters", "password");
        await passwords.SetAsync(caller.TenantId, caller.User, password, Audit.AuditActors.Of(caller), ct);
        return TypedResults.NoContent();
    }

    static bool LooksLikeEmail(string text) =>
        text.Length <= 254 && text.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
}
