// The offline basemap: Natural Earth country outlines (1:110m) from the world-atlas package, bundled at build time.
// No tile server is contacted, so the map works without internet.

import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

export function createMap(container: HTMLElement): L.Map {
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, keyboard: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Country outlines: Natural Earth (public domain) via world-atlas');
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  L.geoJSON(feature(topology, topology.objects.countries), {
    style: { color: '#6b7280', weight: 0.8, fillColor: '#e5e7eb', fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  map.setView([30, 10], 2);
  return map;
}
