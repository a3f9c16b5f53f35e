import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, withQuery, type FetchLike } from './client';

interface Call {
  url: string;
  init?: RequestInit;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function fake(answer: (url: string, init?: RequestInit) => Response | Promise<Response>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return answer(url, init);
    },
  };
}

describe('api client', () => {
  it('builds query strings without empty values', () => {
    expect(withQuery('/x', { a: 'b c', empty: '', none: undefined, n: 3 })).toBe('/x?a=b+c&n=3');
    expect(withQuery('/x', {})).toBe('/x');
  });

  it('follows next_cursor through every page', async () => {
    const { fetch, calls } = fake((url) =>
      url.includes('cursor=p2')
        ? json(200, { items: [{ id: 'o2' }], next_cursor: null })
        : json(200, { items: [{ id: 'o1' }], next_cursor: 'p2' }),
    );
    const list = await createApiClient(fetch).listOpportunities({ status: 'open', owner: 'u1' });
    expect(list.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(calls[0]?.url).toBe('/api/v1/opportunities?status=open&owner=u1&limit=1000');
    expect(calls[1]?.url).toContain('cursor=p2');
  });

  it('turns an error body into an ApiError with code, message and field', async () => {
    const { fetch } = fake(() => json(400, { error: { code: 'invalid_argument', message: 'unknown kind', field: 'kind' } }));
    const error = await createApiClient(fetch)
      .createSignal({ opportunity_id: 'o1', contact_id: 'c1', kind: 'nope', at: '2026-01-01T00:00:00Z' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_argument', message: 'unknown kind', field: 'kind' });
  });

  it('keeps the status line when an error is not JSON', async () => {
    const { fetch } = fake(() => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await createApiClient(fetch).getOpportunity('o1').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway' });
  });

  it('posts JSON bodies', async () => {
    const { fetch, calls } = fake((_url, init) => json(201, { ...JSON.parse(String(init?.body)), id: 's9', version: 1 }));
    const body = { opportunity_id: 'o1', contact_ids: ['c1'], kind: 'demo', at: '2026-01-01T00:00:00Z' };
    const created = await createApiClient(fetch).createActivity(body);
    expect(created.id).toBe('s9');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(body);
  });

  it('reports a capability answering 404 as not available, not as an error', async () => {
    const { fetch } = fake(() => json(404, { error: { code: 'not_found', message: 'no route' } }));
    const result = await createApiClient(fetch).readiness('o1');
    expect(result.available).toBe(false);
    if (!result.available) expect(result.error.notImplemented).toBe(true);
  });

  it('reports 501 and an unreachable server as not available', async () => {
    const api501 = createApiClient(fake(() => json(501, { error: { code: 'unavailable', message: 'later' } })).fetch);
    expect((await api501.forecast('2026-Q3')).available).toBe(false);
    const down = createApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await down.contentCoverage();
    expect(result.available).toBe(false);
    if (!result.available) expect(result.error).toMatchObject({ status: 0, code: 'network' });
  });

  it('does not take an SPA fallback page for an API answer', async () => {
    const { fetch } = fake(() => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const result = await createApiClient(fetch).myNextActions('u1');
    expect(result.available).toBe(false);
  });

  it('gives a capability its data when the route answers', async () => {
    const readiness = { opportunity_id: 'o1', as_of: '2026-03-01', readiness: { stage: 'options_explored', confidence: 0.6 }, alignment: { score: 0.7 }, members: [], frictions: [] };
    const asList = createApiClient(fake(() => json(200, { items: [readiness] })).fetch);
    expect(await asList.readiness('o1')).toEqual({ available: true, data: readiness });
    const asRecord = createApiClient(fake(() => json(200, readiness)).fetch);
    expect(await asRecord.readiness('o1')).toEqual({ available: true, data: readiness });
  });

  it('escapes ids in paths', async () => {
    const { fetch, calls } = fake(() => json(200, { id: 'a/b', version: 1 }));
    await createApiClient(fetch).getAccount('a/b');
    expect(calls[0]?.url).toBe('/api/v1/accounts/a%2Fb');
  });
});
