using Logistics.Host.Locations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Logistics.Host.Geofences;

/// <summary>
/// Where a geofence's border is: a circle (centre + radius, great-circle distance) or a polygon. A polygon is projected
/// to metres on a local equirectangular plane around its centroid (accurate to well under 1 % for fences of city or
/// port size), so the distance to its border — what hysteresis compares — is in metres.
/// </summary>
public abstract class GeofenceShape
{
    /// <summary>Metres from the border: negative inside, positive outside.</summary>
    public abstract double SignedDistanceM(double lat, double lon);

    public sealed class Circle(double lat, double lon, double radiusM) : GeofenceShape
    {
        public override double SignedDistanceM(double lat1, double lon1) => GeoMath.DistanceKm(lat, lon, lat1, lon1) * 1000 - radiusM;
    }

    public sealed class Area : GeofenceShape
    {
        static readonly GeometryFactory Factory = new();
        const double MetresPerDegree = GeoMath.EarthRadiusKm * 1000 * Math.PI / 180;
        readonly double _lat0, _lon0, _cos;
        readonly Polygon _polygon;
        readonly IPreparedGeometry _prepared;
        readonly Geometry _boundary;

        /// <summary>Rings as (lon, lat) positions: the shell first, then holes (GeoJSON order).</summary>
        public Area(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> rings)
        {
            var all = rings.SelectMany(r => r).ToList();
            _lat0 = all.Average(p => p.Lat);
            _lon0 = all.Average(p => p.Lon);
            _cos = Math.Cos(GeoMath.Radians(_lat0));
            LinearRing Ring(IReadOnlyList<(double Lon, double Lat)> ring) => Factory.CreateLinearRing(ring.Select(p => Project(p.Lat, p.Lon)).ToArray());
            _polygon = Factory.CreatePolygon(Ring(rings[0]), rings.Skip(1).Select(Ring).ToArray());
            _prepared = PreparedGeometryFactory.Prepare(_polygon);
            _boundary = _polygon.Boundary;
        }

        /// <summary>Why the polygon is unusable (self-intersecting, too small…), or null.</summary>
        public string? Invalid()
        {
            var check = new NetTopologySuite.Operation.Valid.IsValidOp(_polygon);
            return check.IsValid ? _polygon.Area < 1 ? "the polygon has no area" : null : check.ValidationError.Message;
        }

        Coordinate Project(double lat, double lon)
        {
            var dLon = lon - _lon0;
            if (dLon > 180) dLon -= 360; else if (dLon < -180) dLon += 360;
            return new Coordinate(dLon * _cos * MetresPerDegree, (lat - _lat0) * MetresPerDegree);
        }

        public override double SignedDistanceM(double lat, double lon)
        {
            var p = Factory.CreatePoint(Project(lat, lon));
            var d = _boundary.Distance(p);
            return _prepared.Contains(p) ? -d : d;
        }
    }
}
