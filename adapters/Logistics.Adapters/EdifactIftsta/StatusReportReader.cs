using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;
using Logistics.Canonical.Time;

namespace Logistics.Adapters.EdifactIftsta;

/// <summary>
/// Walks the messages of an interchange (UNH…UNT, each IFTSTA): the header's message date (DTM+137) and references
/// (RFF), then consignments (CNI, segment group 4), each with one or more statuses (STS, segment group 5) and what
/// follows a status until the next: its references (RFF), dates (DTM), place (LOC), goods (GIN+BJ SSCCs) and equipment
/// (EQD+CN containers). Every status becomes one milestone, plus the estimated milestones its dates forecast.
/// Segments this adapter does not use (BGM, NAD, FTX, CNT, GID, PCI, TDT…) are skipped.
/// </summary>
static class StatusReportReader
{
    public static List<CanonicalEvent> Read(List<EdifactSegment> segments, IftstaCodes codes, TranslationContext context)
    {
        var output = new List<CanonicalEvent>();
        Message? message = null;
        var messages = 0;
        foreach (var s in segments)
        {
            switch (s.Tag)
            {
                case "UNB" or "UNG" or "UNE" or "UNZ":
                    if (message is not null) throw new EdifactInputException(s.Position, $"UNT closing message {message.Reference} before {s.Tag}", s.Tag);
                    break;
                case "UNH":
                    if (message is not null) throw new EdifactInputException(s.Position, $"UNT closing message {message.Reference} before a new UNH", "UNH");
                    if (s[2] != "IFTSTA") throw s.Error(2, 1, "message type IFTSTA (international multimodal status report)");
                    message = new Message(s[1]);
                    messages++;
                    break;
                case "UNT":
                    if (message is null) throw new EdifactInputException(s.Position, "UNH before UNT", "UNT");
                    message.Emit(codes, context, output);
                    message = null;
                    break;
                default:
                    if (message is null) throw new EdifactInputException(s.Position, "UNH starting a message", s.Tag);
                    message.Add(s, codes);
                    break;
            }
        }
        var end = $"segment {(segments.Count == 0 ? 1 : segments[^1].Number + 1)}";
        if (message is not null) throw new EdifactInputException(end, $"UNT closing message {message.Reference}", "end of input");
        if (messages == 0) throw new EdifactInputException(end, "at least one IFTSTA message (UNH…UNT)", "end of input");
        return output;
    }

    sealed class Message(string reference)
    {
        public string Reference { get; } = reference;
        readonly List<Reference> _headerRefs = [];
        readonly List<Consignment> _consignments = [];
        EdifactSegment? _messageDate;

        public void Add(EdifactSegment s, IftstaCodes codes)
        {
            var consignment = _consignments.Count > 0 ? _consignments[^1] : null;
            var status = consignment?.Statuses.Count > 0 ? consignment.Statuses[^1] : null;
            switch (s.Tag)
            {
                case "DTM" when consignment is null:
                    if (s[1] == "137") _messageDate = s;
                    break;
                case "RFF":
                    AddReference(s, codes, status?.Refs ?? consignment?.Refs ?? _headerRefs);
                    break;
                case "CNI":
                    _consignments.Add(new Consignment(s));
                    break;
                case "STS":
                    if (consignment is null) throw new EdifactInputException(s.Position, "CNI (consignment information) before STS", "STS");
                    consignment.Statuses.Add(new Status(s));
                    break;
                case "DTM" when status is not null:
                    status.Dates.Add(s);
                    break;
                case "LOC" when status is not null:
                    status.Place ??= s;
                    break;
                case "GIN" when s[1] == "BJ":
                    foreach (var sscc in Ssccs(s)) AddOnce(status?.Goods ?? consignment?.Refs ?? _headerRefs, sscc);
                    break;
                case "EQD" when s[1] == "CN":
                    if (!ContainerNumber.TryParse(s[2], out var container, out var error))
                        throw new EdifactInputException(s.PositionOf(2), "an ISO 6346 container number with a valid check digit", $"{EdifactSegment.Found(s[2])} ({error})");
                    AddOnce(status?.Goods ?? consignment?.Refs ?? _headerRefs, container.ToReference());
                    break;
            }
        }

        public void Emit(IftstaCodes codes, TranslationContext context, List<CanonicalEvent> output)
        {
            foreach (var consignment in _consignments)
                foreach (var status in consignment.Statuses)
                {
                    var refs = new List<Reference>();
                    foreach (var r in status.Goods) AddOnce(refs, r);
                    foreach (var r in consignment.Refs) AddOnce(refs, r);
                    foreach (var r in status.Refs) AddOnce(refs, r);
                    foreach (var r in _headerRefs) AddOnce(refs, r);
                    if (refs.Count == 0)
                        throw new EdifactInputException(consignment.Segment.PositionOf(2), "a consignment reference (CNI C503) or an RFF, GIN+BJ or EQD+CN identifying it", "none");
                    StatusEvents.Add(status, refs, _messageDate, codes, context, output);
                }
        }

        static IEnumerable<Reference> Ssccs(EdifactSegment gin)
        {
            // GIN+BJ+id1+id2…: up to five identities, each optionally a range (first:last); the first of each is read.
            for (var e = 2; e <= gin.ElementCount; e++)
            {
                var value = gin[e];
                if (value.Length == 0) continue;
                if (!Sscc.TryParse(value, out var sscc, out var error))
                    throw new EdifactInputException(gin.PositionOf(e), "an SSCC (18 digits, GS1 check digit)", $"{EdifactSegment.Found(value)} ({error})");
                yield return sscc.ToReference();
            }
        }

        static void AddReference(EdifactSegment rff, IftstaCodes codes, List<Reference> into)
        {
            if (!codes.RefSchemes.TryGetValue(rff[1], out var scheme) || rff[1, 2].Length == 0) return;
            var value = rff[1, 2];
            if (scheme == RefSchemes.Awb)
            {
                if (!AirWaybillNumber.TryParse(value, out var awb, out var error))
                    throw new EdifactInputException(rff.PositionOf(1, 2), "an air waybill number with a valid check digit", $"{EdifactSegment.Found(value)} ({error})");
                AddOnce(into, awb.ToReference());
            }
            else AddOnce(into, new Reference(scheme, value));
        }
    }

    static void AddOnce(List<Reference> refs, Reference r)
    {
        if (!refs.Contains(r)) refs.Add(r);
    }

    sealed class Consignment
    {
        public Consignment(EdifactSegment cni)
        {
            Segment = cni;
            if (cni[2].Length > 0) Refs.Add(new Reference(RefSchemes.Shipment, cni[2]));
        }

        public EdifactSegment Segment { get; }
        public List<Reference> Refs { get; } = [];
        public List<Status> Statuses { get; } = [];
    }
}

/// <summary>One STS and what follows it in its segment group: dates, place, references, goods.</summary>
sealed class Status(EdifactSegment sts)
{
    public EdifactSegment Segment { get; } = sts;
    public List<EdifactSegment> Dates { get; } = [];
    public EdifactSegment? Place { get; set; }
    public List<Reference> Refs { get; } = [];
    public List<Reference> Goods { get; } = [];
}
