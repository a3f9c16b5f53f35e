// The one API client: every call the screens make to /api/v1 goes through here.
// Errors are values the screens can show: ApiError for an answered request, and for the engine's
// capabilities that are still being built, an Unavailable result instead of an exception.

import type {
  Account,
  Activity,
  BacktestPeriod,
  Contact,
  ContentInfluence,
  ContentItem,
  Coverage,
  DmuMember,
  Forecast,
  NewActivity,
  NewSignal,
  NextAction,
  Opportunity,
  Page,
  Readiness,
  Signal,
} from './types';
import { credentialHeaders, reportSignedOut } from './credentials';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** An answered request that failed, or a request that never got a usable answer (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route exists nowhere yet (404 without a record behind it, 405, 501) or cannot be reached. */
  get notImplemented(): boolean {
    return this.status === 404 || this.status === 405 || this.status === 501 || this.status === 0;
  }
}

/** The result of calling a capability the server may not offer yet. */
export type Capability<T> = { available: true; data: T } | { available: false; error: ApiError };

const MAX_LIMIT = 1000;

export interface ApiClient {
  listOpportunities(filter?: { owner?: string; status?: string; account_id?: string }): Promise<Opportunity[]>;
  getOpportunity(id: string): Promise<Opportunity>;
  getAccount(id: string): Promise<Account>;
  listAccounts(): Promise<Account[]>;
  listContacts(filter?: { account_id?: string }): Promise<Contact[]>;
  listDmu(opportunityId: string): Promise<DmuMember[]>;
  listSignals(opportunityId: string): Promise<Signal[]>;
  createSignal(body: NewSignal): Promise<Signal>;
  listActivities(opportunityId: string): Promise<Activity[]>;
  createActivity(body: NewActivity): Promise<Activity>;
  listContent(): Promise<ContentItem[]>;
  readiness(opportunityId: string, asOf?: string): Promise<Capability<Readiness>>;
  pipelineReadiness(filter: { owner?: string; status?: string }): Promise<Capability<Readiness[]>>;
  nextActions(opportunityId: string): Promise<Capability<NextAction[]>>;
  myNextActions(owner?: string): Promise<Capability<NextAction[]>>;
  contentCoverage(): Promise<Capability<Coverage>>;
  contentInfluence(contentId: string): Promise<Capability<ContentInfluence>>;
  forecast(period: string): Promise<Capability<Forecast>>;
  backtest(): Promise<Capability<BacktestPeriod[]>>;
}

/** Builds `path?k=v&...`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Turns a non-2xx response into an ApiError, reading the `{"error":{...}}` body when there is one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let field: string | undefined;
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } })?.error;
    if (error && typeof error === 'object') {
      if (typeof error.code === 'string') code = error.code;
      if (typeof error.message === 'string') message = error.message;
      if (typeof error.field === 'string') field = error.field;
    }
  } catch {
    // Not JSON (a proxy's or the static file server's page): keep the status line.
  }
  return new ApiError(response.status, code, message, field);
}

export function createApiClient(fetchImpl: FetchLike = (i, init) => fetch(i, init), base = '/api/v1'): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    // The session cookie goes with every request; changes also carry the CSRF token.
    const headers: Record<string, string> = { Accept: 'application/json', ...credentialHeaders(method) };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetchImpl(base + path, init);
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
    }
    if (response.status === 401) reportSignedOut();
    if (!response.ok) throw await errorFromResponse(response);
    const type = response.headers.get('content-type') ?? '';
    // An SPA fallback answering an unknown API path with index.html is not an answer.
    if (!type.includes('json')) throw new ApiError(404, 'not_json', `no JSON at ${path}`);
    return (await response.json()) as T;
  }

  /** Reads every page of a list (`limit` up to 1000, following `next_cursor`). */
  async function listAll<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await request<Page<T>>('GET', withQuery(path, { ...query, limit: MAX_LIMIT, cursor }));
      items.push(...page.items);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    return items;
  }

  async function capability<T>(load: () => Promise<T>): Promise<Capability<T>> {
    try {
      return { available: true, data: await load() };
    } catch (error) {
      if (error instanceof ApiError) return { available: false, error };
      return { available: false, error: new ApiError(0, 'client', String(error)) };
    }
  }

  const items = <T>(path: string) => request<Page<T>>('GET', path).then((page) => page.items);
  const enc = encodeURIComponent;

  return {
    listOpportunities: (filter = {}) => listAll<Opportunity>('/opportunities', filter),
    getOpportunity: (id) => request('GET', `/opportunities/${enc(id)}`),
    getAccount: (id) => request('GET', `/accounts/${enc(id)}`),
    listAccounts: () => listAll<Account>('/accounts'),
    listContacts: (filter = {}) => listAll<Contact>('/contacts', filter),
    listDmu: (id) => listAll<DmuMember>(`/opportunities/${enc(id)}/dmu`),
    listSignals: (id) => listAll<Signal>('/signals', { opportunity_id: id }),
    createSignal: (body) => request('POST', '/signals', body),
    listActivities: (id) => listAll<Activity>('/activities', { opportunity_id: id }),
    createActivity: (body) => request('POST', '/activities', body),
    listContent: () => listAll<ContentItem>('/content'),
    readiness: (id, asOf) =>
      capability(() =>
        request<Page<Readiness> | Readiness>('GET', withQuery(`/opportunities/${enc(id)}/readiness`, { as_of: asOf })).then(
          (body) => {
            // Either the record itself or a one-item list, as the pipeline route answers.
            const first = 'items' in body ? body.items[0] : body;
            if (!first) throw new ApiError(404, 'empty', 'no readiness');
            return first;
          },
        ),
      ),
    pipelineReadiness: (filter) => capability(() => items<Readiness>(withQuery('/readiness', filter))),
    nextActions: (id) => capability(() => items<NextAction>(`/opportunities/${enc(id)}/next-actions`)),
    myNextActions: (owner) => capability(() => items<NextAction>(withQuery('/next-actions', { owner }))),
    contentCoverage: () => capability(() => request<Coverage>('GET', '/content/coverage')),
    contentInfluence: (id) => capability(() => request<ContentInfluence>('GET', `/content/${enc(id)}/influence`)),
    forecast: (period) => capability(() => request<Forecast>('GET', withQuery('/forecast', { period }))),
    backtest: () =>
      capability(() =>
        request<{ items?: BacktestPeriod[]; periods?: BacktestPeriod[] }>('GET', '/forecast/backtest').then(
          (body) => body.items ?? body.periods ?? [],
        ),
      ),
  };
}

/** The client the screens use. */
export const api: ApiClient = createApiClient();
