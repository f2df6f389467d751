using Logistics.Canonical.Identifiers;

namespace Logistics.Adapters.IataFsu;

/// <summary>An FSU (or FSA) message: its consignment detail and its status lines, each with the ULDs listed under it.</summary>
sealed record FsuMessage(AirWaybillNumber Awb, string? Origin, string? Destination, IReadOnlyList<StatusLine> Statuses);

/// <summary>
/// Reads the message text: line 1 the Standard Message Identifier (<c>FSU/14</c>), line 2 the consignment detail
/// (<c>157-66792751ICNVIE/T25K4532.00</c>: airline prefix, serial with check digit, origin and destination, quantity),
/// then status lines (Ref. 3-22) in any order, each optionally followed by a ULD line (Ref. 24). OCI and OSI lines and
/// continuation lines (starting with a slant) of them carry customs and service text this adapter does not use.
/// </summary>
static class FsuReader
{
    public static FsuMessage Read(FsuText text, FsuCodes codes)
    {
        var lines = text.Lines;
        var smi = lines[0];
        var version = smi.Text[4..];
        if (smi.Count != 2 || version.Length is < 1 or > 3 || !version.All(char.IsAsciiDigit))
            throw new FsuInputException(smi.Position, "the message type version after the SMI, e.g. FSU/14", FsuLine.Found(version));
        if (lines.Count < 2)
            throw new FsuInputException($"line {smi.Number + 1}", "the consignment detail (air waybill number) after the SMI", "end of input");

        var (awb, origin, destination) = Consignment(lines[1]);
        var statuses = new List<StatusLine>();
        FsuLine? previous = null;
        for (var i = 2; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Text.StartsWith('/'))
            {
                // A continuation of the line before (split for the 69-character limit).
                if (previous is null) throw new FsuInputException(line.Position, "a status line before a continuation line", "a continuation");
                if (statuses.Count > 0 && ReferenceEquals(statuses[^1].Line, previous)) previous.Continue(line.Text);
                continue;
            }
            previous = line;
            switch (line.Id)
            {
                case "ULD":
                    if (statuses.Count == 0) throw new FsuInputException(line.Position, "a status line before the ULD line", "ULD");
                    Ulds(line, statuses[^1].Ulds);
                    break;
                case "OCI" or "OSI":
                    break;
                default:
                    if (!codes.IsStatus(line.Id))
                        throw new FsuInputException(line.Position, "a status code listed in iata-fsu status-map.json (BKD, RCS, MAN, DEP, ARR, RCF, NFD, DLV, DIS, …), ULD, OCI or OSI", FsuLine.Found(line.Id));
                    statuses.Add(new StatusLine(line));
                    break;
            }
        }
        // Parse once every continuation is joined.
        foreach (var s in statuses) s.Parse(codes);
        return new FsuMessage(awb, origin, destination, statuses);
    }

    /// <summary><c>157-66792751ICNVIE/T25K4532.00</c>: the AWB (check digit verified), optional origin and destination, optional quantity.</summary>
    static (AirWaybillNumber, string?, string?) Consignment(FsuLine line)
    {
        var first = line[0];
        var position = $"line {line.Number} (consignment detail)";
        if (first.Length < 12 || first[3] != '-')
            throw new FsuInputException(position, "the consignment detail: airline prefix, hyphen and 8-digit serial (157-66792751)", FsuLine.Found(first));
        var number = first[..12];
        if (!AirWaybillNumber.TryParse(number, out var awb, out var error))
            throw new FsuInputException(position, "an air waybill number with a valid check digit", $"{FsuLine.Printable(number)} ({error})");
        var ports = first[12..];
        if (ports.Length != 0 && (ports.Length != 6 || !ports.All(char.IsAsciiLetterUpper)))
            throw new FsuInputException(position, "the AWB origin and destination airports after the serial (ICNVIE)", FsuLine.Found(ports));
        if (line.Count > 1 && !StatusLine.IsQuantity(line[1], consignment: true))
            throw new FsuInputException(position + " element 1", "the consignment quantity: T or P, pieces, optional weight (T25K4532.00, P8T20)", FsuLine.Found(line[1]));
        return (awb, ports.Length == 6 ? ports[..3] : null, ports.Length == 6 ? ports[3..] : null);
    }

    /// <summary><c>ULD/PMC72534QR/AVM98676SR</c>: type (3 letters), serial (4-5 digits), owner (2 characters).</summary>
    static void Ulds(FsuLine line, List<string> into)
    {
        for (var e = 1; e < line.Count; e++)
        {
            var uld = line[e];
            if (uld.Length == 0) continue;
            if (!IsUld(uld)) throw line.Error(e, "a ULD identifier: type, serial and owner (PMC72534QR)");
            if (!into.Contains(uld)) into.Add(uld);
        }
    }

    static bool IsUld(string s) =>
        s.Length is 9 or 10 && s.AsSpan(0, 3).ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ") is false
        && s.AsSpan(3, s.Length - 5).ContainsAnyExcept("0123456789") is false
        && s.AsSpan(s.Length - 2).ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") is false;
}
