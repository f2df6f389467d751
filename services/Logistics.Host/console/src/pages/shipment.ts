import { ApiError, download, explain, get, send } from '../api';
import { temperatureChart, type ChartInput } from '../chart';
import { h, status, when } from '../dom';
import type { AuditEntry, Reading, ReportVersion, Shipment, TimelineEntry } from '../types';
import type { Me } from './signin';
import { badge } from './shipments';

interface Report {
  reportVersion: number; status: string; verdict: string; contentSha256: string;
  profile: { name: string; zones: { id: string; direction: string; limitCelsius: number }[] };
  excursions: { deviceId: string; zoneId: string; start: string; end: string; legId?: string | null; custodian?: string | null; peakCelsius?: number }[];
  gaps: { deviceId: string; start: string; end: string }[];
  shipment?: { legs: { id: string; custodian?: string | null; start: string; end?: string | null }[] } | null;
}

const ms = (iso: string) => Date.parse(iso);

/** One shipment: summary, timeline, temperature chart, report versions with downloads, QA signing, and its audit trail. */
export function shipmentPage(main: HTMLElement, id: string, me: Me): () => void {
  const base = `/shipments/${encodeURIComponent(id)}`;
  const abort = new AbortController();
  const heading = h('h1', {}, `Shipment ${id}`);
  const message = h('p', { role: 'status', hidden: true });
  const summary = h('dl', { class: 'summary' });
  const chartBox = h('div', { class: 'chart-box' }, 'Loading the chart…');
  const timeline = h('tbody');
  const versions = h('tbody');
  const audit = h('tbody');
  const auditNote = h('p', { role: 'status', hidden: true });
  const signing = h('section', { 'aria-labelledby': 'sign-title', class: 'card' });

  main.append(heading, message,
    h('section', { 'aria-labelledby': 'summary-title' }, h('h2', { id: 'summary-title' }, 'Summary'), summary,
      h('p', {}, h('a', { href: `#/map?shipment=${encodeURIComponent(id)}` }, 'Show the track on the map'))),
    h('section', { 'aria-labelledby': 'chart-title-h' }, h('h2', { id: 'chart-title-h' }, 'Temperature'),
      h('p', { class: 'help' }, 'Limit lines from the profile, excursions shaded red, gaps in the data hatched (the line breaks there), dashed lines where a leg starts.'),
      chartBox),
    h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, 'Timeline'),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ...['Time', 'Kind', 'Code', 'Carrier', 'Location', 'Detail'].map(t => h('th', { scope: 'col' }, t)))), timeline)),
    h('section', { 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, 'Report versions'),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ...['Version', 'Status', 'Verdict', 'Made', 'Signatures', 'Download'].map(t => h('th', { scope: 'col' }, t)))), versions)),
    signing,
    h('section', { 'aria-labelledby': 'audit-title' }, h('h2', { id: 'audit-title' }, 'Audit trail'), auditNote,
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ...['#', 'Time', 'Actor', 'Action', 'Target', 'Reason'].map(t => h('th', { scope: 'col' }, t)))), audit)));

  const fail = (e: unknown) => { if (!abort.signal.aborted) status(message, explain(e), 'error'); };

  get<Shipment>(base, abort.signal).then(s => {
    heading.textContent = `Shipment ${s.reference}`;
    document.title = `Shipment ${s.reference} · Logistics console`;
    const row = (k: string, v: Node | string) => summary.append(h('dt', {}, k), h('dd', {}, v));
    row('Id', s.id);
    row('References', s.refs.map(r => `${r.scheme}:${r.value}`).join(', '));
    row('Status', badge(s.status));
    row('Product', s.product ? `${s.product.name ?? ''}${s.product.lot ? `, lot ${s.product.lot}` : ''}` : '—');
    row('Profile', s.profile);
    row('Consignee', s.consignee ?? '—');
    row('Latest milestone', s.latestMilestone ? h('span', {}, `${s.latestMilestone.code} `, when(s.latestMilestone.at)) : '—');
    row('ETA', s.eta ? h('span', {}, when(s.eta.at), ` (${s.eta.classifier}, ${s.eta.source})`) : '—');
    row('Excursion state', badge(s.excursionState));
    row('Verdict', s.verdict ? badge(s.verdict) : '—');
    row('Legs', s.legs.map(l => `${l.id}${l.custodian ? ` (${l.custodian})` : ''}`).join(' → ') || '—');
    row('Devices', s.devices.map(d => `${d.device} from ${d.from ?? '—'}${d.to ? ` to ${d.to}` : ''}`).join('; ') || '—');
  }).catch(fail);

  get<{ entries: TimelineEntry[] }>(`${base}/timeline`, abort.signal).then(t => {
    if (t.entries.length === 0) timeline.append(h('tr', {}, h('td', { colspan: 6 }, 'Nothing on the timeline yet.')));
    for (const e of t.entries)
      timeline.append(h('tr', { 'data-kind': e.kind }, h('td', {}, when(e.at)), h('td', {}, e.kind), h('td', {}, `${e.code ?? ''}${e.classifier ? ` (${e.classifier})` : ''}`),
        h('td', {}, e.carrier ?? ''), h('td', {}, e.location?.name ?? e.location?.unlocode ?? ''), h('td', {}, e.detail ?? '')));
  }).catch(fail);

  Promise.all([
    get<{ readings: Reading[] }>(`${base}/readings?type=temperature`, abort.signal),
    get<Report>(`${base}/report?format=json`, abort.signal).catch(e => { if (e instanceof ApiError && e.status === 404) return null; throw e; }),
  ]).then(([r, report]) => {
    const input: ChartInput = {
      readings: r.readings.map(x => ({ at: ms(x.occurredAt), value: x.value, device: x.device ?? 'logger' })),
      limits: report?.profile.zones ?? [],
      excursions: (report?.excursions ?? []).map(e => ({ ...e, start: ms(e.start), end: ms(e.end) })),
      gaps: (report?.gaps ?? []).map(g => ({ ...g, start: ms(g.start), end: ms(g.end) })),
      legs: (report?.shipment?.legs ?? []).map(l => ({ ...l, start: ms(l.start), end: l.end ? ms(l.end) : null })),
    };
    chartBox.replaceChildren(temperatureChart(input, `Temperature of shipment ${id}`),
      h('p', { 'data-testid': 'chart-summary' }, report
        ? `Report version ${report.reportVersion}: verdict ${report.verdict}, ${report.excursions.length} excursion${report.excursions.length === 1 ? '' : 's'}, ${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'}.`
        : 'No report yet: no temperature reading inside a device window.'),
      excursionList(report));
    loadVersions().catch(fail);
  }).catch(e => { chartBox.textContent = explain(e); });

  async function loadVersions(): Promise<ReportVersion[]> {
    const list = await get<{ versions: ReportVersion[] }>(`${base}/reports`, abort.signal);
    versions.replaceChildren();
    for (const v of [...list.versions].reverse()) {
      const file = (format: string) => h('button', { type: 'button', class: 'link', onclick: () =>
        download(`${base}/report?format=${format}&version=${v.version}`, `${id}-v${v.version}.${format}`).catch(e => status(message, explain(e), 'error')) },
      format.toUpperCase());
      versions.append(h('tr', { 'data-version': v.version },
        h('th', { scope: 'row' }, `v${v.version}`, h('div', { class: 'sub mono', title: 'content SHA-256' }, v.contentSha256.slice(0, 16) + '…')),
        h('td', {}, badge(v.status)), h('td', {}, badge(v.verdict)), h('td', {}, when(v.madeAt), h('div', { class: 'sub' }, v.trigger)),
        h('td', {}, v.signatures.length ? h('ul', { class: 'plain' }, ...v.signatures.map(s => h('li', {}, `${s.meaning} by ${s.signer} `, when(s.signedAt),
          s.comment ? ` — “${s.comment}”` : '', s.verified ? '' : ' (NOT verified)'))) : 'none'),
        h('td', {}, file('json'), ' ', file('csv'), ' ', file('pdf'))));
    }
    renderSigning(list.versions);
    return list.versions;
  }

  function renderSigning(all: ReportVersion[]): void {
    signing.replaceChildren(h('h2', { id: 'sign-title' }, 'QA: review and approve'));
    if (me.role !== 'qa' && me.role !== 'admin') {
      signing.append(h('p', {}, `Signing needs a qa key; this key’s role is ${me.role}.`));
      return;
    }
    if (all.length === 0) { signing.append(h('p', {}, 'There is no report version to sign yet.')); return; }
    const newest = all[all.length - 1];
    const version = h('select', { id: 'sign-version', name: 'version' }, ...[...all].reverse().map(v => h('option', { value: v.version }, `v${v.version} (${v.status})`)));
    version.value = String(newest.version);
    const meaning = h('select', { id: 'sign-meaning', name: 'meaning', required: true },
      h('option', { value: 'reviewed' }, 'reviewed — I reviewed this report'),
      h('option', { value: 'approved' }, 'approved — I approve its release'),
      h('option', { value: 'rejected' }, 'rejected — I reject it'));
    const comment = h('textarea', { id: 'sign-comment', name: 'comment', rows: 2, cols: 60, 'aria-describedby': 'comment-help' });
    const password = h('input', { id: 'sign-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const result = h('p', { role: 'alert', hidden: true, 'data-testid': 'sign-result' });
    const form = h('form', { class: 'stack' },
      h('p', {}, `You sign as ${me.user ?? '(this key has no user: signing will be refused)'}. The signature binds your name, the time and its meaning to the version’s content hash.`),
      h('label', { for: 'sign-version' }, 'Version'), version,
      h('label', { for: 'sign-meaning' }, 'Meaning'), meaning,
      h('label', { for: 'sign-comment' }, 'Comment'), comment,
      h('p', { id: 'comment-help', class: 'help' }, 'Required to approve a version whose verdict is alarm or incomplete: your reason.'),
      h('label', { for: 'sign-password' }, 'Signing password'), password,
      h('button', { type: 'submit' }, 'Sign'),
      result);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      status(result, 'Signing…');
      try {
        const made = await send<{ id: string; signer: string; meaning: string; signedAt: string; version: number }>('POST',
          `${base}/reports/${version.value}/signatures`, { meaning: meaning.value, password: password.value, comment: comment.value });
        password.value = '';
        await loadVersions().catch(fail);
        // The signature's audit entry is written from the committed event on the host's async daemon: wait for it.
        void loadAudit(entries => entries.some(x => x.action === 'report.signed' && (x.after ?? '').includes(made!.id)));
        const again = signing.querySelector<HTMLElement>('[data-testid="sign-result"]')!;
        status(again, `Signed: version ${made!.version} ${made!.meaning} by ${made!.signer} at ${made!.signedAt}.`, 'ok');
      } catch (err) {
        password.value = '';
        status(result, explain(err), 'error');
        void loadAudit();
      }
    });
    signing.append(form);
  }

  /** Reads the shipment's audit trail; with <until>, reads again every 2 s (up to 60 s) until it holds what is awaited. */
  async function loadAudit(until?: (entries: AuditEntry[]) => boolean): Promise<void> {
    if (me.role !== 'qa' && me.role !== 'admin') { status(auditNote, `The audit trail needs a qa or admin key; this key’s role is ${me.role}.`); return; }
    try {
      let page = await get<{ entries: AuditEntry[] }>(`/audit?target=${encodeURIComponent(`shipment:${id}`)}`, abort.signal);
      for (let i = 0; until && !until(page.entries) && i < 30 && !abort.signal.aborted; i++) {
        status(auditNote, 'Waiting for the host to record the signature in the audit trail…');
        await new Promise(r => setTimeout(r, 2000));
        page = await get<{ entries: AuditEntry[] }>(`/audit?target=${encodeURIComponent(`shipment:${id}`)}`, abort.signal);
      }
      audit.replaceChildren();
      status(auditNote, `${page.entries.length} entr${page.entries.length === 1 ? 'y' : 'ies'}, oldest first; each is hash-chained to the one before.`);
      for (const e of page.entries)
        audit.append(h('tr', { 'data-action': e.action }, h('td', {}, e.seq), h('td', {}, when(e.at)), h('td', {}, e.actor), h('td', {}, e.action), h('td', { class: 'mono' }, e.target), h('td', {}, e.reason ?? '')));
    } catch (e) { if (!abort.signal.aborted) status(auditNote, explain(e), 'error'); }
  }
  void loadAudit();
  return () => abort.abort();
}

function excursionList(report: Report | null): Node {
  if (!report || report.excursions.length === 0) return h('p', {}, 'No excursion.');
  return h('ul', { 'aria-label': 'Excursions', 'data-testid': 'excursions' }, ...report.excursions.map(e =>
    h('li', {}, `${e.zoneId} on ${e.deviceId}: `, when(e.start), ' to ', when(e.end), e.peakCelsius !== undefined ? `, peak ${e.peakCelsius} °C` : '',
      e.legId ? `, leg ${e.legId}${e.custodian ? ` (${e.custodian})` : ''}` : '')));
}
