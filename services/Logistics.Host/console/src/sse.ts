// Server-Sent Events over fetch: EventSource cannot send the Authorization header the API needs.
// Reconnects after a drop with Last-Event-ID, so no accepted fix is missed while the page is open.

import { session } from './api';

export interface SseMessage { event: string; data: string; id?: string }

export function subscribe(path: string, onMessage: (m: SseMessage) => void, onState: (text: string) => void): () => void {
  const abort = new AbortController();
  let lastId: string | undefined;

  async function run(): Promise<void> {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(path, {
          headers: { Authorization: `Bearer ${session.key() ?? ''}`, Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}) },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) { onState(`live updates refused (HTTP ${response.status})`); return; }
        onState('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const message: SseMessage = { event: 'message', data: '' };
            const data: string[] = [];
            for (const line of block.split(/\r?\n/)) {
              const colon = line.indexOf(':');
              if (colon === 0) continue; // a comment (keep-alive)
              const field = colon < 0 ? line : line.slice(0, colon);
              const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') message.event = text;
              else if (field === 'data') data.push(text);
              else if (field === 'id') message.id = lastId = text;
            }
            message.data = data.join('\n');
            if (data.length) onMessage(message);
          }
        }
        onState('reconnecting…');
      } catch (e) {
        if (abort.signal.aborted) return;
        onState('reconnecting…');
      }
      await new Promise(r => setTimeout(r, 2000));
    }
  }
  void run();
  return () => abort.abort();
}
