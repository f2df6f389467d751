// The offline basemap: Natural Earth country outlines (1:110m) from the world-atlas package, bundled at build time.
// No tile server is contacted, so the map works without internet.

import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

export function createMap(container: HTMLElement): L.Map {
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, keyboard: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Country outlines: Natural Earth (public domain) via world-atlas');
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const land = feature(topology, topology.objects.countries);
  for (const country of land.features) unwrapAntimeridian(country.geometry);
  L.geoJSON(land, {
    style: { color: '#6b7280', weight: 0.8, fillColor: '#e5e7eb', fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  map.setView([30, 10], 2);
  return map;
}

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180° to −180° and back; drawn as they are, they
 * streak across the whole map. Such a ring is made continuous (longitudes beyond ±180°, which Leaflet draws fine). A ring
 * around a pole (Antarctica) crosses once and does not close when made continuous: it is left as it is.
 */
function unwrapAntimeridian(geometry: Geometry | null): void {
  if (!geometry) return;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const polygon of polygons)
    for (const ring of polygon) {
      let shift = 0;
      let previous = ring[0]?.[0] ?? 0;
      const unwrapped = ring.map(p => {
        let lon = p[0] + shift;
        if (lon - previous > 180) { shift -= 360; lon -= 360; } else if (lon - previous < -180) { shift += 360; lon += 360; }
        previous = lon;
        return [lon, p[1]];
      });
      if (shift === 0) unwrapped.forEach((p, i) => { ring[i] = p; });
    }
}
