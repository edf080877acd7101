import type { ProblemBody } from '../api/korgoo-api';

/** An API answer other than 2xx, with the field problems of a 400 (each at the path the API names). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody | null,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Thrown when the browser could not reach the API at all (no network); the request may be tried again. */
export class Offline extends Error {}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** A file the API offers for download (CSV, XLSX), fetched with the token like any other request. */
  download(path: string): Promise<Blob>;
}

/**
 * A fetch wrapper that adds the access token. When the API refuses it (401), `renew` yields a new one (or
 * null when the person signed out) and the request is sent once more, so nothing the person entered is lost.
 */
export function createApiClient(token: () => string | null, renew: () => Promise<string | null> = async () => null): ApiClient {
  async function exchange(method: string, path: string, body: unknown, accept: string, retried = false): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const current = token();
    if (current) headers.authorization = `Bearer ${current}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new Offline('network unreachable');
    }
    if (response.status === 401 && current && !retried && (await renew())) return exchange(method, path, body, accept, true);
    if (!response.ok) {
      const text = await response.text();
      throw new ApiProblem(response.status, text ? (JSON.parse(text) as ProblemBody) : null);
    }
    return response;
  }
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await (await exchange(method, path, body, 'application/json')).text();
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    put: (path, body) => send('PUT', path, body),
    patch: (path, body) => send('PATCH', path, body),
    delete: (path) => send('DELETE', path),
    download: async (path) => (await exchange('GET', path, undefined, '*/*')).blob(),
  };
}
