import { explain, get, session } from '../api';
import { h, status } from '../dom';

export interface Me { tenantId: string; tenantName: string | null; keyId: string; role: string; user: string | null }

/** Sign in with an API key: checked with GET /me, kept in sessionStorage for this tab only. */
export function signInPage(main: HTMLElement, done: (me: Me) => void): void {
  const input = h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', required: true, size: 48, 'aria-describedby': 'key-help' });
  const message = h('p', { role: 'alert', hidden: true });
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in'),
    h('label', { for: 'key' }, 'API key'),
    input,
    h('p', { id: 'key-help', class: 'help' }, 'The key your administrator issued. It is kept in this browser tab only and sent as a Bearer token.'),
    h('button', { type: 'submit' }, 'Sign in'),
    message);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    session.set(input.value.trim());
    try {
      done(await get<Me>('/me'));
    } catch (err) {
      session.clear();
      status(message, explain(err), 'error');
      input.focus();
    }
  });
  main.append(form);
  input.focus();
}
