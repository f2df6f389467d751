namespace Logistics.FakeCarrier;

/// <summary>What the fake carrier serves: its accounts, the shipments it knows and how their events appear over time.</summary>
public sealed class FakeCarrierOptions
{
    public string UpsClientId { get; set; } = "ups-client";
    public string UpsClientSecret { get; set; } = "ups-secret";
    public string FedexClientId { get; set; } = "fedex-client";
    public string FedexClientSecret { get; set; } = "fedex-secret";
    public string DhlApiKey { get; set; } = "dhl-key";
    public string IdpAccessId { get; set; } = "idp-access";
    public string IdpPassword { get; set; } = "idp-password";

    /// <summary>OAuth tokens' lifetime (<c>expires_in</c>); a token used after it is refused with 401.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Tracking numbers by carrier (ups, fedex, dhl).</summary>
    public Dictionary<string, string[]> TrackingNumbers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each tracking number's history grows by one event this often, up to <see cref="EventsPerShipment"/>.</summary>
    public TimeSpan RevealEvery { get; set; } = TimeSpan.FromSeconds(1.5);

    public int EventsPerShipment { get; set; } = 5;

    /// <summary>The IDP mailbox's terminal and how many return messages arrive, one each <see cref="IdpArriveEvery"/>.</summary>
    public string IdpMobileId { get; set; } = "01452955SKYB444";

    public int IdpMessages { get; set; } = 12;

    public TimeSpan IdpArriveEvery { get; set; } = TimeSpan.FromSeconds(0.5);

    public int IdpPageSize { get; set; } = 5;

    public FaultSchedule Faults { get; set; } = FaultSchedule.None;
}
