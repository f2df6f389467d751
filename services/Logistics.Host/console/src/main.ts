// The console: a hash router over five pages. Every page reads the API with the signed-in key; nothing is computed
// here that the API does not say (the chart draws the API's readings, limits, excursions and gaps).

import './style.css';
import { ApiError, get, session } from './api';
import { h } from './dom';
import { signInPage, type Me } from './pages/signin';
import { shipmentsPage } from './pages/shipments';
import { mapPage } from './pages/map';
import { shipmentPage } from './pages/shipment';
import { quarantinePage } from './pages/quarantine';

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const who = document.getElementById('who')!;
let leave: (() => void) | undefined;
let me: Me | undefined;

async function whoAmI(): Promise<Me | undefined> {
  if (!session.key()) return undefined;
  try {
    return await get<Me>('/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) session.clear();
    return undefined;
  }
}

function showWho(): void {
  who.replaceChildren();
  nav.hidden = !me;
  if (!me) return;
  who.append(
    h('span', { 'data-testid': 'tenant' }, 'Tenant ', h('strong', {}, me.tenantName ?? me.tenantId), ` (${me.tenantId})`),
    h('span', {}, ` · ${me.user ?? 'no user'} · role ${me.role} `),
    h('button', { type: 'button', class: 'link', onclick: () => { session.clear(); me = undefined; location.hash = '#/signin'; } }, 'Sign out'),
  );
}

async function route(): Promise<void> {
  leave?.();
  leave = undefined;
  me ??= await whoAmI();
  showWho();
  const path = location.hash.replace(/^#/, '') || '/shipments';
  for (const a of nav.querySelectorAll('a')) a.toggleAttribute('aria-current', path.startsWith(a.getAttribute('href')!.slice(1)));
  main.replaceChildren();
  if (!me) {
    signInPage(main, m => {
      me = m;
      const target = path === '/signin' ? '#/shipments' : `#${path}`;
      if (location.hash === target) void route(); else location.hash = target; // a new hash routes by itself
    });
    document.title = 'Sign in · Logistics console';
    return;
  }
  const shipment = /^\/shipments\/([^/]+)$/.exec(path);
  if (shipment) leave = shipmentPage(main, decodeURIComponent(shipment[1]), me);
  else if (path.startsWith('/map')) leave = mapPage(main, new URLSearchParams(path.split('?')[1] ?? '').get('shipment'));
  else if (path.startsWith('/quarantine')) leave = quarantinePage(main, me);
  else leave = shipmentsPage(main, new URLSearchParams(path.split('?')[1] ?? '').get('ref') ?? '');
  document.title = `${main.querySelector('h1')?.textContent ?? 'Console'} · Logistics console`;
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', () => void route());
void route();
