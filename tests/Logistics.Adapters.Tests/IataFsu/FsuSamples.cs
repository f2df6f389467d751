using System.Text;
using Logistics.Adapters.IataFsu;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Tests.IataFsu;

/// <summary>Translates a pasted Cargo-IMP message (lines joined with CRLF, as telex sends them) the way the host does.</summary>
static class FsuSamples
{
    public static TranslationResult Translate(string receivedAt, params string[] lines) =>
        TranslateBytes(Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n"), receivedAt);

    public static TranslationResult TranslateBytes(byte[] raw, string receivedAt)
    {
        var context = TranslationContext.For("iata-fsu", raw, Utc(receivedAt));
        return Guard.Translate(new IataFsuAdapter(), raw, context);
    }

    public static IReadOnlyList<MilestoneEvent> Milestones(string receivedAt, params string[] lines) =>
        Assert.IsType<Translated>(Translate(receivedAt, lines)).Events.Cast<MilestoneEvent>().ToList();

    public static string Rejection(string receivedAt, params string[] lines) =>
        Assert.IsType<Rejected>(Translate(receivedAt, lines)).Rejection.Message;

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static (string, TimeClassifier, string?) What(MilestoneEvent e) => (e.Milestone.Code, e.Milestone.Classifier, e.Location?.Name);
}
