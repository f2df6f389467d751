using System.Globalization;
using System.Text.Json;

namespace Logistics.FakeCarrier;

/// <summary>
/// Response bodies in each carrier's published shape (the fields our adapters read): UPS Track API v1, FedEx Track API v1,
/// DHL Shipment Tracking – Unified, IDP get_return_messages. Tracking histories are newest first, as the carriers send them.
/// </summary>
public static class CarrierResponses
{
    static readonly string[] UpsTypes = ["M", "P", "I", "I", "D"];
    static readonly string[] FedexTypes = ["OC", "PU", "AR", "DP", "DL"];
    static readonly string[] DhlCodes = ["pre-transit", "transit", "transit", "transit", "delivered"];

    static string Pick(string[] codes, int i) => codes[Math.Min(i, codes.Length - 1)];

    public static byte[] Ups(string number, IReadOnlyList<CarrierWorld.TrackingEvent> events) => Json(new
    {
        trackResponse = new
        {
            shipment = new[]
            {
                new
                {
                    inquiryNumber = number,
                    package = new[]
                    {
                        new
                        {
                            trackingNumber = number,
                            activity = events.Reverse().Select(e => new
                            {
                                location = new { address = new { city = "AMSTERDAM", countryCode = "NL", country = "NL" } },
                                status = new { type = Pick(UpsTypes, e.Index), description = $"step {e.Index}", code = $"S{e.Index}" },
                                date = e.At.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                                time = e.At.ToString("HHmmss", CultureInfo.InvariantCulture),
                                gmtOffset = "+01:00",
                            }).ToArray(),
                        },
                    },
                },
            },
        },
    });

    public static byte[] Fedex(IReadOnlyList<(string Number, IReadOnlyList<CarrierWorld.TrackingEvent> Events)> results) => Json(new
    {
        transactionId = Guid.NewGuid().ToString(),
        output = new
        {
            completeTrackResults = results.Select(r => new
            {
                trackingNumber = r.Number,
                trackResults = new[]
                {
                    new
                    {
                        trackingNumberInfo = new { trackingNumber = r.Number },
                        scanEvents = r.Events.Reverse().Select(e => new
                        {
                            date = e.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                            eventType = Pick(FedexTypes, e.Index),
                            eventDescription = $"step {e.Index}",
                            scanLocation = new { city = "AMSTERDAM", countryCode = "NL" },
                        }).ToArray(),
                    },
                },
            }).ToArray(),
        },
    });

    public static byte[] Dhl(string number, IReadOnlyList<CarrierWorld.TrackingEvent> events) => Json(new
    {
        shipments = new[]
        {
            new
            {
                id = number,
                service = "express",
                events = events.Reverse().Select(e => new
                {
                    timestamp = e.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    location = new { address = new { addressLocality = "AMSTERDAM", countryCode = "NL" } },
                    statusCode = Pick(DhlCodes, e.Index),
                    status = $"STEP {e.Index}",
                    description = $"step {e.Index}",
                }).ToArray(),
            },
        },
    });

    public static byte[] IdpPage(string mobileId, IReadOnlyList<CarrierWorld.IdpMessage> page, bool more) => Json(new
    {
        ErrorID = 0,
        More = more,
        NextStartUTC = page.Count == 0 ? "" : IdpTime(page[^1].Arrived),
        NextStartID = page.Count == 0 ? -1 : page[^1].Id,
        Messages = page.Count == 0 ? null : page.Select(m => new
        {
            ID = m.Id,
            MessageUTC = IdpTime(m.Arrived),
            ReceiveUTC = IdpTime(m.Arrived),
            SIN = 126,
            MobileID = mobileId,
            Payload = new
            {
                Name = "MovingIntervalSat",
                SIN = 126,
                MIN = 22,
                Fields = new[]
                {
                    new { Name = "Latitude", Value = m.LatitudeMilliMinutes.ToString(CultureInfo.InvariantCulture) },
                    new { Name = "Longitude", Value = "902276" },
                    new { Name = "Speed", Value = "12" },
                    new { Name = "Heading", Value = "90" },
                    new { Name = "EventTime", Value = m.EventTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
            },
        }).ToArray(),
    });

    public static byte[] IdpError(int code) => Json(new { ErrorID = code, More = false, NextStartUTC = "", NextStartID = -1, Messages = (object?)null });

    public static string IdpTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);
}
