// A tiny element builder: h('p', {class: 'x'}, 'text', child). Text is always set as text, never parsed as HTML.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
}

/** A time as the API gave it, shown in UTC with its zone ("2026-12-01 20:31 UTC"); the machine-readable value stays in <time>. */
export function when(iso: string | null | undefined): Node {
  if (!iso) return document.createTextNode('—');
  const text = iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');
  return h('time', { datetime: iso }, text);
}

export function status(el: HTMLElement, message: string, kind: 'info' | 'error' | 'ok' = 'info'): void {
  el.textContent = message;
  el.className = `notice ${kind}`;
  el.hidden = !message;
}
