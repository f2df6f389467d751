import { explain, get, send, session } from '../api';
import { h, status, when } from '../dom';
import type { Quarantined } from '../types';
import type { Me } from './signin';

/** GET /quarantine: each rejected message with the adapter's reason, its raw body on demand, and replay (integrator). */
export function quarantinePage(main: HTMLElement, me: Me): () => void {
  const abort = new AbortController();
  const message = h('p', { role: 'status', hidden: true, 'data-testid': 'quarantine-status' });
  const list = h('div', { class: 'stack' });
  const canReplay = me.role === 'integrator' || me.role === 'admin';
  main.append(h('h1', {}, 'Quarantine'),
    h('p', { class: 'help' }, 'Messages an adapter refused, stored exactly as they arrived. Replay translates one again (after an adapter fix or a device-profile change).',
      canReplay ? '' : ` Replaying and reading raw bodies need an integrator key; this key’s role is ${me.role}.`),
    message, list);

  async function load(): Promise<void> {
    status(message, 'Loading…');
    try {
      const page = await get<{ count: number; items: Quarantined[] }>('/quarantine', abort.signal);
      list.replaceChildren();
      status(message, page.count === 0 ? 'Nothing is quarantined.' : `${page.count} quarantined message${page.count === 1 ? '' : 's'}, newest first.`);
      for (const q of page.items) list.append(card(q));
    } catch (e) { if (!abort.signal.aborted) status(message, explain(e), 'error'); }
  }

  function card(q: Quarantined): HTMLElement {
    const body = h('pre', { class: 'raw', hidden: true, tabindex: 0, 'aria-label': `Raw body of ${q.id}` });
    const note = h('p', { role: 'status', hidden: true });
    const show = h('button', { type: 'button', 'aria-expanded': 'false', disabled: !canReplay }, 'Show raw body');
    show.addEventListener('click', async () => {
      if (!body.hidden) { body.hidden = true; show.setAttribute('aria-expanded', 'false'); show.textContent = 'Show raw body'; return; }
      try {
        const response = await fetch(`/quarantine/${q.id}/body`, { headers: { Authorization: `Bearer ${session.key() ?? ''}` } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        body.textContent = text.length > 20000 ? `${text.slice(0, 20000)}\n… (${bytes.length} bytes in all)` : text;
        body.hidden = false;
        show.setAttribute('aria-expanded', 'true');
        show.textContent = 'Hide raw body';
      } catch (e) { status(note, explain(e), 'error'); }
    });
    const replay = h('button', { type: 'button', disabled: !canReplay }, 'Replay');
    replay.addEventListener('click', async () => {
      replay.disabled = true;
      try {
        await send('POST', `/quarantine/${q.id}/replay`);
        status(note, `Replayed: message ${q.id} was sent to translation again. If the adapter still refuses it, it comes back here with its reason.`, 'ok');
        void settle(q);
      } catch (e) { status(note, explain(e), 'error'); replay.disabled = false; }
    });
    return h('article', { class: 'card', 'data-id': q.id, 'aria-labelledby': `q-${q.id}` },
      h('h2', { id: `q-${q.id}`, class: 'h3' }, `${q.adapterId}${q.codec ? ` (codec ${q.codec})` : ''} · `, when(q.receivedAt)),
      h('p', { class: 'reason' }, h('strong', {}, 'Reason: '), q.reason ?? 'none given'),
      h('p', { class: 'sub mono' }, `id ${q.id} · ${q.size} bytes · sha256 ${q.sha256.slice(0, 16)}… · replayed ${q.replays} time${q.replays === 1 ? '' : 's'}`),
      h('div', { class: 'actions' }, show, ' ', replay), note, body);
  }

  /** After a replay: reload until the message is back with one more replay, or gone (translated), for up to 30 s. */
  async function settle(q: Quarantined): Promise<void> {
    for (let i = 0; i < 15 && !abort.signal.aborted; i++) {
      await new Promise(r => setTimeout(r, 2000));
      try {
        const now = await get<{ items: Quarantined[] }>('/quarantine', abort.signal);
        const back = now.items.find(x => x.id === q.id);
        if (back && back.replays > q.replays) { await load(); return; }
      } catch { /* keep trying until the time is up */ }
    }
    await load();
  }

  void load();
  return () => abort.abort();
}
