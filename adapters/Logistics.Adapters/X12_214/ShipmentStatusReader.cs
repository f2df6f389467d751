using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.X12_214;

/// <summary>A bad segment or element, thrown inside the adapter only and returned as a rejection.</summary>
sealed class X12InputException(X12Error error) : Exception(error.Expected)
{
    public X12Error Error { get; } = error;

    public X12InputException(string position, string expected, string? found) : this(new X12Error(position, expected, found)) { }
}

/// <summary>
/// Walks the segments of an interchange: every ST*214 … SE transaction is one shipment. Header B10/L11 give the
/// shipment's references and N1 loops its parties; each LX loop holds one or more AT7 statuses with their MS1 (where)
/// and MS2 (which equipment). Segments this adapter does not use (MS3, MAN, K1, AT8 …) are skipped.
/// </summary>
static class ShipmentStatusReader
{
    public static List<CanonicalEvent> Read(List<X12Segment> segments, TranslationContext context)
    {
        var output = new List<CanonicalEvent>();
        Transaction? transaction = null;
        var transactions = 0;
        var closed = false;

        foreach (var segment in segments)
        {
            switch (segment.Id)
            {
                case "ISA" or "GS" or "GE" or "TA1":
                    break;
                case "IEA":
                    closed = true;
                    break;
                case "ST":
                    if (transaction is not null)
                        throw new X12InputException(segment.Position, $"SE closing transaction {transaction.ControlNumber} before a new ST", "ST");
                    if (segment[1] != "214")
                        throw new X12InputException(segment.PositionOf(1), "transaction set 214 (shipment status)", Quote(segment[1]));
                    transaction = new Transaction(segment[2]);
                    transactions++;
                    break;
                case "SE":
                    if (transaction is null)
                        throw new X12InputException(segment.Position, "ST before SE", "SE");
                    transaction.Emit(context, output);
                    transaction = null;
                    break;
                default:
                    if (transaction is null)
                        throw new X12InputException(segment.Position, "ST starting a transaction set", Quote(segment.Id));
                    transaction.Add(segment);
                    break;
            }
        }

        var last = segments[^1];
        if (transaction is not null)
            throw new X12InputException($"segment {last.Number + 1}", $"SE closing transaction {transaction.ControlNumber}", "end of input");
        if (transactions == 0)
            throw new X12InputException($"segment {last.Number + 1}", "at least one ST*214 transaction set", "end of input");
        if (!closed)
            throw new X12InputException($"segment {last.Number + 1}", "IEA closing the interchange", "end of input");
        return output;
    }

    public static string Quote(string s) => s.Length == 0 ? "nothing" : s;

    /// <summary>One ST…SE transaction being read: header references and parties, then its LX detail loops.</summary>
    sealed class Transaction(string controlNumber)
    {
        public string ControlNumber { get; } = controlNumber;
        readonly List<Reference> _headerRefs = new(4);
        readonly List<Party> _headerParties = new(2);
        readonly List<StatusDetail> _details = new(2);
        string? _scac;
        StatusDetail? _detail;
        Party? _party;

        public void Add(X12Segment s)
        {
            switch (s.Id)
            {
                case "B10":
                    X12Refs.Add(_headerRefs, RefSchemes.Pro, s[1]);
                    X12Refs.Add(_headerRefs, RefSchemes.Shipment, s[2]);
                    if (s[3].Length > 0) _scac = s[3];
                    break;
                case "L11":
                    X12Refs.AddQualified(_detail?.Refs ?? _headerRefs, s[2], s[1]);
                    break;
                case "N1":
                    _party = new Party(s[1], NullIfEmpty(s[2]));
                    (_detail?.Parties ?? _headerParties).Add(_party);
                    break;
                case "N4":
                    if (_party is not null) _party.Place = s;
                    break;
                case "LX":
                    _detail = new StatusDetail();
                    _details.Add(_detail);
                    _party = null;
                    break;
                case "AT7":
                    if (_detail is null) { _detail = new StatusDetail(); _details.Add(_detail); } // some senders omit LX
                    _detail.Statuses.Add(new Status(s));
                    _party = null;
                    break;
                case "MS1":
                    // MS1 belongs to the AT7 loop it follows; before any AT7 it applies to the whole LX.
                    if (_detail is { Statuses.Count: > 0 }) _detail.Statuses[^1].Place = s;
                    else if (_detail is not null) _detail.Place = s;
                    break;
                case "MS2":
                    X12Refs.AddEquipment(_detail?.Refs ?? _headerRefs, s);
                    break;
            }
        }

        public void Emit(TranslationContext context, List<CanonicalEvent> output)
        {
            var carrierContext = context.Carrier is null && _scac is not null ? context with { Carrier = _scac } : context;
            foreach (var detail in _details)
                foreach (var status in detail.Statuses)
                {
                    var refs = X12Refs.Merge(_headerRefs, detail.Refs);
                    if (refs.Count == 0)
                        throw new X12InputException(status.Segment.Position, $"a shipment reference (B10, L11 or MS2) in transaction {ControlNumber}", "none");
                    var place = status.Place ?? detail.Place;
                    // A party inside the LX loop is where the status happened; otherwise a status at the pick-up or
                    // delivery location (status-map.json locationParty) is at the header's ship-from / ship-to party.
                    var party = detail.Parties.Count > 0 ? detail.Parties[0] : HeaderParty(status.Segment[1].Length > 0 ? status.Segment[1] : status.Segment[3]);
                    output.Add(ShipmentStatusEvent.Create(status.Segment, place, party, refs, carrierContext));
                }
        }

        Party? HeaderParty(string statusCode)
        {
            if (!X12StatusCodes.Default.TryGetLocationParty(statusCode, out var entityCodes)) return null;
            foreach (var party in _headerParties)
                if (entityCodes.Contains(party.EntityCode)) return party;
            return null;
        }

        static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
    }

    sealed class StatusDetail
    {
        public List<Status> Statuses { get; } = new(1);
        public List<Reference> Refs { get; } = new(2);
        public List<Party> Parties { get; } = [];
        public X12Segment? Place { get; set; }
    }

    sealed class Status(X12Segment segment)
    {
        public X12Segment Segment { get; } = segment;
        public X12Segment? Place { get; set; }
    }
}

/// <summary>An N1 party (entity code, name) and its N4 place.</summary>
sealed class Party(string entityCode, string? name)
{
    public string EntityCode { get; } = entityCode;
    public string? Name { get; } = name;
    public X12Segment? Place { get; set; }
}
