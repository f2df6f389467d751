import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { explain, get } from '../api';
import { createMap } from '../basemap';
import { h, status, when } from '../dom';
import { subscribe } from '../sse';
import type { FeatureCollection } from 'geojson';
import type { AssetPosition } from '../types';

interface LocationEvent { asset: string; lat: number; lon: number; method: string; occurredAt: string; shipmentId?: string | null }

/** Current positions (GET /assets), a shipment's track (GET /shipments/{id}/track) and live fixes (GET /locations/stream). */
export function mapPage(main: HTMLElement, shipmentId: string | null): () => void {
  const message = h('p', { role: 'status', hidden: true });
  const live = h('span', { 'data-testid': 'live-state' }, 'connecting…');
  const mapBox = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'Map of current positions' });
  const list = h('ul', { class: 'positions', 'aria-label': 'Current positions' });
  main.append(
    h('h1', {}, shipmentId ? `Map: shipment ${shipmentId}` : 'Map'),
    h('p', { class: 'help' }, 'Current positions of the tenant’s assets', shipmentId ? ', the shipment’s track and its milestones' : '',
      '. Live updates: ', live, '.', shipmentId ? h('span', {}, ' ', h('a', { href: `#/shipments/${encodeURIComponent(shipmentId)}` }, 'Back to the shipment')) : null),
    message, h('div', { class: 'map-layout' }, mapBox, h('section', { 'aria-label': 'Positions as a list' }, h('h2', {}, 'Positions'), list)));

  const map = createMap(mapBox);
  const markers = new Map<string, L.CircleMarker>();
  const rows = new Map<string, HTMLLIElement>();
  const abort = new AbortController();

  function place(id: string, lat: number, lon: number, at: string, method: string): void {
    const label = `${id}: ${lat.toFixed(4)}, ${lon.toFixed(4)} (${method})`;
    let marker = markers.get(id);
    if (!marker) {
      marker = L.circleMarker([lat, lon], { radius: 7, color: '#1d4ed8', weight: 2, fillColor: '#3b82f6', fillOpacity: 0.9 }).addTo(map);
      markers.set(id, marker);
    }
    marker.setLatLng([lat, lon]).bindTooltip(label);
    let row = rows.get(id);
    if (!row) { row = h('li', { 'data-asset': id }); rows.set(id, row); list.append(row); }
    row.replaceChildren(h('strong', {}, id), ` ${lat.toFixed(4)}, ${lon.toFixed(4)} · ${method} · `, when(at));
  }

  status(message, 'Loading…');
  get<{ count?: number; items?: AssetPosition[] } | AssetPosition[]>('/assets?bbox=-180,-90,180,90', abort.signal)
    .then(result => {
      if (abort.signal.aborted) return;
      const items = Array.isArray(result) ? result : result.items ?? [];
      for (const p of items) place(p.id, p.lat, p.lon, p.occurredAt, p.method);
      status(message, `${items.length} asset${items.length === 1 ? '' : 's'} with a current position.`);
      if (!shipmentId && items.length) map.fitBounds(L.latLngBounds(items.map(p => [p.lat, p.lon] as [number, number])).pad(0.3), { maxZoom: 6, animate: false });
    })
    .catch(e => { if (!abort.signal.aborted) status(message, explain(e), 'error'); });

  if (shipmentId) {
    get<FeatureCollection>(`/shipments/${encodeURIComponent(shipmentId)}/track`, abort.signal)
      .then(track => {
        if (abort.signal.aborted) return;
        const layer = L.geoJSON(track, {
          style: { color: '#b45309', weight: 3 },
          pointToLayer: (f, at) => L.circleMarker(at, { radius: 5, color: '#111827', weight: 1, fillColor: '#f59e0b', fillOpacity: 1 })
            .bindTooltip(String(f.properties?.code ?? f.properties?.kind ?? 'milestone')),
        }).addTo(map);
        const bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 8, animate: false });
      })
      .catch(e => { if (!abort.signal.aborted) status(message, explain(e), 'error'); });
  }

  const stop = subscribe(`/locations/stream${shipmentId ? `?shipment=${encodeURIComponent(shipmentId)}` : ''}`, m => {
    if (m.event !== 'location' || abort.signal.aborted) return;
    const e = JSON.parse(m.data) as LocationEvent;
    place(e.asset, e.lat, e.lon, e.occurredAt, e.method);
  }, state => { live.textContent = state; });
  return () => { abort.abort(); stop(); map.remove(); };
}
