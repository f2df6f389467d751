using System.Security.Cryptography;
using System.Text;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// Stable PostgreSQL advisory-lock ids, one per purpose and schema: hosts of one schema share them, hosts of other
/// schemas in the same database (test runs, several installations) never collide with them.
/// </summary>
public static class AdvisoryLockIds
{
    public static int For(string purpose, string schema) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(purpose + ":" + schema)), 0) & 0x3FFFFFFF;
}
