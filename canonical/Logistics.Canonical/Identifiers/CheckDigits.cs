namespace Logistics.Canonical.Identifiers;

/// <summary>The check-digit algorithms behind our identifiers, public so adapters can check GTINs or similar codes too.</summary>
public static class CheckDigits
{
    /// <summary>
    /// GS1 mod-10 check digit over <paramref name="digits"/> (without the check digit): weights 3,1,3,… from the right.
    /// Used by SSCC, GTIN and GLN.
    /// </summary>
    public static int Gs1Mod10(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>Luhn check digit over <paramref name="digits"/> (without the check digit). Used by IMEI.</summary>
    public static int Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            // The rightmost payload digit is doubled, because the check digit will sit to its right.
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>
    /// ISO 6346 check digit over the first ten characters of a container number (owner code, category, serial):
    /// letters count 10..38 skipping multiples of 11, position i weighs 2^i, the sum mod 11 (10 written as 0).
    /// </summary>
    public static int Iso6346(ReadOnlySpan<char> firstTen)
    {
        var sum = 0;
        for (var i = 0; i < firstTen.Length; i++)
            sum += Iso6346Value(firstTen[i]) << i;
        return sum % 11 % 10;
    }

    static int Iso6346Value(char c)
    {
        if (c is >= '0' and <= '9') return c - '0';
        // A=10, then each letter one more, skipping 11, 22 and 33 so that no letter is worth the modulus.
        var v = 10;
        for (var l = 'A'; l < c; l++)
        {
            v++;
            if (v % 11 == 0) v++;
        }
        return v;
    }

    internal static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }

    internal static bool AllHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>The input without the given separator characters, trimmed.</summary>
    internal static string Strip(string input, ReadOnlySpan<char> separators)
    {
        var trimmed = input.AsSpan().Trim();
        Span<char> buffer = trimmed.Length <= 128 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var n = 0;
        foreach (var c in trimmed)
            if (!separators.Contains(c)) buffer[n++] = c;
        return new string(buffer[..n]);
    }
}
