import type { FieldProblemBody, ProblemBody } from '../api/korgoo-api';

/** An API answer other than 2xx, with the field problems of a 400 (keyed by the path the API names). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody | null,
  ) {
    super(`HTTP ${status}`);
  }

  get fieldProblems(): Record<string, string[]> {
    return Object.fromEntries((this.body?.problems ?? []).map((problem: FieldProblemBody) => [problem.field, problem.rules]));
  }
}

/** Thrown when the browser could not reach the API at all (no network); the request may be tried again. */
export class Offline extends Error {}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

/** A fetch wrapper that adds the access token and reports an expired session once, to whoever signs in again. */
export function createApiClient(token: () => string | null, onUnauthorized: () => void): ApiClient {
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const current = token();
    if (current) headers.authorization = `Bearer ${current}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new Offline('network unreachable');
    }
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (response.status === 401 && current) onUnauthorized();
    if (!response.ok) throw new ApiProblem(response.status, parsed as ProblemBody | null);
    return parsed as T;
  }
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
  };
}
