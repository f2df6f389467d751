using System.Security.Cryptography;
using System.Text;
using Logistics.Host.Infrastructure;

namespace Logistics.Host.Webhooks;

/// <summary>
/// Webhook secrets at rest: AES-256-GCM under the key in <see cref="WebhookSettings.SecretKey"/> (outside the database), a
/// fresh 12-byte nonce per secret, the subscription id as associated data (a sealed secret moved to another row fails to
/// open). The secret must be recoverable to sign each delivery, so a hash would not do.
/// </summary>
public sealed class SecretBox(HostSettings settings)
{
    public bool Configured => Key() is not null;

    public byte[] Seal(string subscriptionId, string secret)
    {
        var key = Key() ?? throw new InvalidOperationException("Logistics:Webhooks:SecretKey is not set");
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(secret);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(subscriptionId));
        return [.. nonce, .. tag, .. cipher];
    }

    public string Open(string subscriptionId, byte[] sealedSecret)
    {
        var key = Key() ?? throw new InvalidOperationException("Logistics:Webhooks:SecretKey is not set");
        var plain = new byte[sealedSecret.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedSecret.AsSpan(0, 12), sealedSecret.AsSpan(28), sealedSecret.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(subscriptionId));
        return Encoding.UTF8.GetString(plain);
    }

    byte[]? Key()
    {
        if (string.IsNullOrWhiteSpace(settings.Webhooks.SecretKey)) return null;
        var key = Convert.FromBase64String(settings.Webhooks.SecretKey);
        return key.Length == 32 ? key : throw new InvalidOperationException("Logistics:Webhooks:SecretKey must be base64 of 32 bytes");
    }
}
