using JasperFx.Events;
using Logistics.Canonical.Events;
using Marten;
using Marten.Events.Projections;
using NodaTime;
using static Logistics.Host.Infrastructure.SqlValues;

namespace Logistics.Host.Devices;

/// <summary>
/// Inline projection of measurements and positions into <see cref="ReadingsTables"/>: in the same transaction as the
/// events, and ONE multi-row statement per table per batch (column arrays through <c>unnest</c>) rather than one per
/// event, because the ingest pipeline writes thousands of readings a second.
/// </summary>
public sealed class ReadingsProjection(string schema) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var readings = new ReadingRows();
        var positions = new PositionRows();
        foreach (var e in events)
        {
            if (e.Data is MeasurementEvent m) readings.Add(e.TenantId, Subject(e.StreamKey!), m);
            else if (e.Data is PositionEvent p) positions.Add(e.TenantId, Subject(e.StreamKey!), p);
        }
        if (readings.Count > 0)
            operations.QueueSqlCommand($"""
                insert into {schema}.readings (tenant_id, device, occurred_at, event_id, type, value, unit, original_value, original_unit,
                                               sensor, received_at, flags)
                select t, d, o, i, ty, v, u, ov, ou, s, r, {FlagsColumn}
                from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::float8[], ?::text[], ?::float8[], ?::text[],
                            ?::text[], ?::timestamptz[], ?::text[]) as x(t, d, o, i, ty, v, u, ov, ou, s, r, f)
                on conflict do nothing
                """, readings.Parameters());
        if (positions.Count > 0)
            operations.QueueSqlCommand($"""
                insert into {schema}.positions (tenant_id, device, occurred_at, event_id, lat, lon, accuracy_m, method, received_at, flags)
                select t, d, o, i, la, lo, a, m, r, {FlagsColumn}
                from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::text[],
                            ?::timestamptz[], ?::text[]) as x(t, d, o, i, la, lo, a, m, r, f)
                on conflict do nothing
                """, positions.Parameters());
        return Task.CompletedTask;
    }

    /// <summary>Flags travel as one '|'-joined string per row (unnest cannot take an array of arrays of varying length).</summary>
    const string FlagsColumn = "case when f = '' then array[]::text[] else string_to_array(f, '|') end";

    /// <summary>The subject of a device or reference stream: <c>device:devEui:X</c> → <c>devEui:X</c>.</summary>
    public static string Subject(string streamKey) =>
        streamKey.StartsWith("device:", StringComparison.Ordinal) ? streamKey["device:".Length..]
        : streamKey.StartsWith("ref:", StringComparison.Ordinal) ? streamKey["ref:".Length..]
        : streamKey;

    sealed class ReadingRows
    {
        readonly List<string> _tenant = [], _device = [], _eventId = [], _type = [], _unit = [], _originalUnit = [], _flags = [];
        readonly List<string?> _sensor = [];
        readonly List<DateTimeOffset> _occurred = [], _received = [];
        readonly List<double> _value = [], _originalValue = [];

        public int Count => _tenant.Count;

        public void Add(string tenant, string device, MeasurementEvent m)
        {
            _tenant.Add(tenant);
            _device.Add(device);
            _occurred.Add(Utc(m.OccurredAt));
            _eventId.Add(m.EventId);
            _type.Add(m.Measurement.Type);
            _value.Add(m.Measurement.Value);
            _unit.Add(m.Measurement.Unit);
            _originalValue.Add(m.Measurement.OriginalValue);
            _originalUnit.Add(m.Measurement.OriginalUnit);
            _sensor.Add(m.Measurement.Sensor);
            _received.Add(Utc(m.ReceivedAt));
            _flags.Add(string.Join('|', m.Flags));
        }

        public object[] Parameters() =>
        [
            _tenant.ToArray(), _device.ToArray(), _occurred.ToArray(), _eventId.ToArray(), _type.ToArray(), _value.ToArray(), _unit.ToArray(),
            _originalValue.ToArray(), _originalUnit.ToArray(), _sensor.ToArray(), _received.ToArray(), _flags.ToArray(),
        ];
    }

    sealed class PositionRows
    {
        readonly List<string> _tenant = [], _device = [], _eventId = [], _method = [], _flags = [];
        readonly List<DateTimeOffset> _occurred = [], _received = [];
        readonly List<double> _lat = [], _lon = [];
        readonly List<double?> _accuracy = [];

        public int Count => _tenant.Count;

        public void Add(string tenant, string device, PositionEvent p)
        {
            _tenant.Add(tenant);
            _device.Add(device);
            _occurred.Add(Utc(p.OccurredAt));
            _eventId.Add(p.EventId);
            _lat.Add(p.Position.Lat);
            _lon.Add(p.Position.Lon);
            _accuracy.Add(p.Position.AccuracyM);
            _method.Add(p.Position.Method);
            _received.Add(Utc(p.ReceivedAt));
            _flags.Add(string.Join('|', p.Flags));
        }

        public object[] Parameters() =>
        [
            _tenant.ToArray(), _device.ToArray(), _occurred.ToArray(), _eventId.ToArray(), _lat.ToArray(), _lon.ToArray(), _accuracy.ToArray(),
            _method.ToArray(), _received.ToArray(), _flags.ToArray(),
        ];
    }
}
