import { explain, get } from '../api';
import { h, status, when } from '../dom';
import type { Shipment } from '../types';

/** GET /shipments: status, latest milestone, ETA, excursion state and verdict; filtered by a reference (scheme:value). */
export function shipmentsPage(main: HTMLElement, ref: string): () => void {
  const input = h('input', { id: 'ref', name: 'ref', value: ref, placeholder: 'container:MSKU1234565', size: 32, 'aria-describedby': 'ref-help' });
  const message = h('p', { role: 'status', hidden: true });
  const body = h('tbody');
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', { for: 'ref' }, 'Reference'), input,
    h('button', { type: 'submit' }, 'Filter'),
    h('span', { id: 'ref-help', class: 'help' }, 'scheme:value, e.g. container:APZU4812090 or booking:ABC123; empty shows all.'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const v = input.value.trim();
    location.hash = v ? `#/shipments?ref=${encodeURIComponent(v)}` : '#/shipments';
  });
  main.append(
    h('h1', {}, 'Shipments'), form, message,
    h('table', { class: 'grid', 'aria-describedby': 'shipments-caption' },
      h('caption', { id: 'shipments-caption' }, ref ? `Shipments with reference ${ref}` : 'All shipments of the tenant'),
      h('thead', {}, h('tr', {}, ...['Reference', 'Status', 'Latest milestone', 'ETA', 'Excursions', 'Verdict', 'Report'].map(t => h('th', { scope: 'col' }, t)))),
      body));

  const abort = new AbortController();
  status(message, 'Loading…');
  get<{ count: number; items: Shipment[] }>(`/shipments${ref ? `?ref=${encodeURIComponent(ref)}` : ''}`, abort.signal)
    .then(list => {
      status(message, list.count === 0 ? (ref ? `No shipment has the reference ${ref}.` : 'No shipments yet.') : `${list.count} shipment${list.count === 1 ? '' : 's'}.`);
      for (const s of list.items) {
        const m = s.latestMilestone;
        body.append(h('tr', {},
          h('th', { scope: 'row' }, h('a', { href: `#/shipments/${encodeURIComponent(s.id)}` }, s.reference), h('div', { class: 'sub' }, s.refs.map(r => `${r.scheme}:${r.value}`).join(', '))),
          h('td', {}, badge(s.status)),
          h('td', {}, m ? h('span', {}, `${m.code}${m.carrier ? ` (${m.carrier})` : ''} `, when(m.at), m.location?.name || m.location?.unlocode ? h('div', { class: 'sub' }, m.location.name ?? m.location.unlocode ?? '') : null) : '—'),
          h('td', {}, s.eta ? h('span', {}, when(s.eta.at), h('div', { class: 'sub' }, `${s.eta.classifier} · ${s.eta.source}`)) : '—'),
          h('td', {}, badge(s.excursionState)),
          h('td', {}, s.verdict ? badge(s.verdict) : '—'),
          h('td', {}, s.reportVersion ? `v${s.reportVersion}` : '—')));
      }
    })
    .catch(e => { if (!abort.signal.aborted) status(message, explain(e), 'error'); });
  return () => abort.abort();
}

/** A word with a colour class; the word itself carries the meaning (never the colour alone). */
export function badge(word: string): HTMLElement {
  return h('span', { class: `badge b-${word.replace(/[^a-z0-9-]/gi, '')}` }, word);
}
