// The temperature chart, drawn as SVG from what the API says: readings (GET /shipments/{id}/readings), the profile's
// zone limits, the excursions, gaps and legs of the report (GET /shipments/{id}/report). Nothing is recomputed here:
// an excursion is shaded where the report says it was; the line breaks where the report says data is missing.

export interface ChartInput {
  readings: { at: number; value: number; device: string }[];
  limits: { id: string; direction: string; limitCelsius: number }[];
  excursions: { start: number; end: number; zoneId: string; deviceId: string; legId?: string | null }[];
  gaps: { start: number; end: number; deviceId: string }[];
  legs: { id: string; custodian?: string | null; start: number; end?: number | null }[];
}

const NS = 'http://www.w3.org/2000/svg';
const W = 900, H = 320, M = { top: 24, right: 96, bottom: 40, left: 52 };
const COLORS = ['#1d4ed8', '#047857', '#7c3aed', '#be185d'];

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function utc(ms: number): string {
  return new Date(ms).toISOString().slice(5, 16).replace('T', ' ');
}

export function temperatureChart(input: ChartInput, title: string): SVGSVGElement {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  const desc = `${input.readings.length} readings; ${input.excursions.length} excursion${input.excursions.length === 1 ? '' : 's'} shaded; ` +
    `${input.gaps.length} gap${input.gaps.length === 1 ? '' : 's'} shown as breaks; limits ${input.limits.map(l => `${l.direction} ${l.limitCelsius} °C`).join(', ') || 'none'}.`;
  svg.append(el('title', { id: 'chart-title' }, title), el('desc', { id: 'chart-desc' }, desc));
  if (input.readings.length === 0) {
    svg.append(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis' }, 'No temperature readings yet'));
    return svg;
  }

  const times = input.readings.map(r => r.at);
  const t0 = Math.min(...times, ...input.legs.map(l => l.start).filter(t => t >= Math.min(...times)));
  const t1 = Math.max(...times);
  const values = [...input.readings.map(r => r.value), ...input.limits.map(l => l.limitCelsius)];
  let v0 = Math.floor(Math.min(...values) - 1), v1 = Math.ceil(Math.max(...values) + 1);
  if (v1 - v0 < 4) { v0 -= 2; v1 += 2; }
  const span = Math.max(t1 - t0, 60_000);
  const x = (t: number) => M.left + ((t - t0) / span) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - v0) / (v1 - v0)) * (H - M.top - M.bottom);
  const clampX = (t: number) => x(Math.min(Math.max(t, t0), t0 + span));

  // Excursions: shaded bands over their time span, labelled for screen readers through <title>.
  for (const e of input.excursions) {
    const band = el('rect', { x: clampX(e.start), y: M.top, width: Math.max(clampX(e.end) - clampX(e.start), 2), height: H - M.top - M.bottom, class: 'excursion', 'data-testid': 'excursion' });
    band.append(el('title', {}, `Excursion (${e.zoneId}) on ${e.deviceId} from ${utc(e.start)} to ${utc(e.end)} UTC${e.legId ? `, leg ${e.legId}` : ''}`));
    svg.append(band);
  }
  // Gaps: hatched bands where the report says data is missing.
  for (const g of input.gaps) {
    const band = el('rect', { x: clampX(g.start), y: M.top, width: Math.max(clampX(g.end) - clampX(g.start), 2), height: H - M.top - M.bottom, class: 'gap', 'data-testid': 'gap' });
    band.append(el('title', {}, `Gap in ${g.deviceId}'s data from ${utc(g.start)} to ${utc(g.end)} UTC`));
    svg.append(band);
  }

  // Axes and grid.
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const v = v0 + ((v1 - v0) * i) / ticks;
    svg.append(el('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: 'grid' }),
      el('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, `${v.toFixed(1)}`));
    const t = t0 + (span * i) / ticks;
    svg.append(el('text', { x: x(t), y: H - M.bottom + 16, 'text-anchor': 'middle', class: 'axis' }, utc(t)));
  }
  svg.append(el('text', { x: 12, y: M.top - 8, class: 'axis' }, '°C'),
    el('text', { x: W - M.right, y: H - 6, 'text-anchor': 'end', class: 'axis' }, 'UTC'));

  // Leg boundaries: a dashed vertical line where each leg starts, with its id and custodian.
  for (const leg of input.legs) {
    if (leg.start < t0 || leg.start > t0 + span) continue;
    svg.append(el('line', { x1: x(leg.start), x2: x(leg.start), y1: M.top, y2: H - M.bottom, class: 'leg', 'data-testid': 'leg-boundary' }),
      el('text', { x: x(leg.start) + 4, y: M.top + 12, class: 'leg-label' }, `${leg.id}${leg.custodian ? ` · ${leg.custodian}` : ''}`));
  }

  // Limit lines, labelled at the right edge.
  for (const l of input.limits) {
    svg.append(el('line', { x1: M.left, x2: W - M.right, y1: y(l.limitCelsius), y2: y(l.limitCelsius), class: `limit limit-${l.direction}`, 'data-testid': 'limit' }),
      el('text', { x: W - M.right + 4, y: y(l.limitCelsius) + 4, class: 'limit-label' }, `${l.direction === 'above' ? 'max' : 'min'} ${l.limitCelsius} °C`));
  }

  // One line per device, broken at the report's gaps (a segment that spans a gap is not drawn).
  const devices = [...new Set(input.readings.map(r => r.device))];
  devices.forEach((device, i) => {
    const points = input.readings.filter(r => r.device === device).sort((a, b) => a.at - b.at);
    const gaps = input.gaps.filter(g => g.deviceId === device || !devices.includes(g.deviceId));
    let d = '';
    points.forEach((p, k) => {
      const prev = points[k - 1];
      const broken = !prev || gaps.some(g => prev.at <= g.start && p.at >= g.end);
      d += `${broken ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`;
    });
    svg.append(el('path', { d, class: 'series', stroke: COLORS[i % COLORS.length], 'data-testid': 'series' }));
    if (devices.length > 1) svg.append(el('text', { x: W - M.right + 4, y: M.top + 14 * (i + 3), fill: COLORS[i % COLORS.length], class: 'axis' }, device));
  });
  return svg;
}
