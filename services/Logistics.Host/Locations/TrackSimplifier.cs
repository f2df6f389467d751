namespace Logistics.Host.Locations;

/// <summary>A usable fix of a track, in event-time order.</summary>
public sealed record TrackPoint(double Lat, double Lon, NodaTime.Instant At);

/// <summary>
/// Douglas–Peucker to a point budget: instead of a distance tolerance (what NetTopologySuite's simplifier takes, which
/// would need repeated runs to land under a budget), it keeps splitting the segment whose farthest point is farthest from
/// it until <c>budget</c> points are kept — the most significant points first, endpoints always. Distances are planar on
/// longitude scaled by the cosine of the track's mean latitude, which is what a map shows.
/// </summary>
public static class TrackSimplifier
{
    public static IReadOnlyList<TrackPoint> Simplify(IReadOnlyList<TrackPoint> points, int budget)
    {
        if (points.Count <= budget || points.Count <= 2) return points;
        budget = Math.Max(budget, 2);
        var scale = Math.Cos(GeoMath.Radians(points.Average(p => p.Lat)));
        var keep = new bool[points.Count];
        keep[0] = keep[^1] = true;
        var kept = 2;
        var queue = new PriorityQueue<(int From, int To, int Far), double>();
        Push(0, points.Count - 1);
        while (kept < budget && queue.TryDequeue(out var s, out _))
        {
            keep[s.Far] = true;
            kept++;
            Push(s.From, s.Far);
            Push(s.Far, s.To);
        }
        var result = new List<TrackPoint>(kept);
        for (var i = 0; i < points.Count; i++) if (keep[i]) result.Add(points[i]);
        return result;

        void Push(int from, int to)
        {
            if (to - from < 2) return;
            double best = -1;
            var far = -1;
            for (var i = from + 1; i < to; i++)
            {
                var d = Distance(points[i], points[from], points[to], scale);
                if (d > best) { best = d; far = i; }
            }
            queue.Enqueue((from, to, far), -best);
        }
    }

    /// <summary>Distance of p from the segment a–b (not the infinite line: a track may double back).</summary>
    static double Distance(TrackPoint p, TrackPoint a, TrackPoint b, double scale)
    {
        double ax = a.Lon * scale, ay = a.Lat, bx = b.Lon * scale, by = b.Lat, px = p.Lon * scale, py = p.Lat;
        double dx = bx - ax, dy = by - ay;
        var length2 = dx * dx + dy * dy;
        var t = length2 == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0, 1);
        double cx = ax + t * dx - px, cy = ay + t * dy - py;
        return Math.Sqrt(cx * cx + cy * cy);
    }
}
