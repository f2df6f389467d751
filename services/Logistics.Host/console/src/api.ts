// The console talks to the host's public API only, with the key the user signed in with (kept in sessionStorage,
// so it is gone when the tab closes). Errors are the API's problem+json, turned into one plain sentence by explain().

const KEY = 'logistics.apiKey';

export interface Problem { type?: string; title?: string; status: number; detail?: string; where?: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.title ?? `HTTP ${status}`);
  }
}

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

function headers(extra?: Record<string, string>): Record<string, string> {
  const key = session.key();
  return { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...extra };
}

async function fail(response: Response): Promise<never> {
  let problem: Problem = { status: response.status };
  try { problem = { ...(await response.json()), status: response.status }; } catch { /* not JSON: keep the status */ }
  throw new ApiError(response.status, problem);
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: headers({ Accept: 'application/json' }), signal });
  if (!response.ok) await fail(response);
  return (await response.json()) as T;
}

export async function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) await fail(response);
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : null;
}

/** Fetches a file with the key (a plain link cannot send the Authorization header) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) await fail(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The API's refusal as one plain sentence for a person (the API's own title and detail, with what the status means). */
export function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return `The request did not reach the host (${error instanceof Error ? error.message : String(error)}).`;
  const { status, problem } = error;
  const said = [problem.title, problem.detail].filter(Boolean).join(' — ');
  const lead: Record<number, string> = {
    400: 'The request was not accepted',
    401: 'Not signed: the key or password was not accepted',
    403: 'Your key’s role does not allow this',
    404: 'Not found',
    409: 'Refused, because it conflicts with what is already recorded',
    422: 'Refused: more is needed before this can be done',
  };
  const head = lead[status] ?? `The host answered ${status}`;
  return said ? `${head}: ${said}.`.replace(/\.\.$/, '.') : `${head}.`;
}
