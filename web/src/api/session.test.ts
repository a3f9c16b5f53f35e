import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from './client';
import { onSignedOut, setCsrfToken } from './credentials';
import { createSessionClient } from './session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

interface Call {
  url: string;
  init?: RequestInit;
}

function recording(answer: (url: string, init?: RequestInit) => Response): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return answer(url, init);
    },
  };
}

const ann = { id: 'u-ann', name: 'Ann Peeters', email: 'ann@x', role: 'rep', team: 'benelux' };

describe('session', () => {
  afterEach(() => setCsrfToken(null));

  it('signs in with JSON and then sends the CSRF token on changes only', async () => {
    const { fetch, calls } = recording((url) =>
      url.endsWith('/session') ? json(200, { user: ann, csrf_token: 'bya_csrf_1' }) : json(201, { id: 's1', version: 1 }),
    );
    const info = await createSessionClient(fetch).signIn('ann@x', 'secret password');
    expect(info.user.id).toBe('u-ann');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ login: 'ann@x', password: 'secret password' });
    expect(new Headers(calls[0]?.init?.headers).get('Content-Type')).toBe('application/json');

    const api = createApiClient(fetch);
    await api.createSignal({ opportunity_id: 'o1', contact_id: 'c1', kind: 'pain_stated', at: '2026-01-01T00:00:00Z' });
    expect(new Headers(calls[1]?.init?.headers).get('X-CSRF-Token')).toBe('bya_csrf_1');
    expect(calls[1]?.init?.credentials).toBe('same-origin');
    await api.getAccount('a1');
    expect(new Headers(calls[2]?.init?.headers).get('X-CSRF-Token')).toBeNull();
  });

  it('answers null for no session, and a failed sign-in is an ApiError', async () => {
    const client = createSessionClient(recording(() => json(401, { error: { code: 'unauthenticated', message: 'sign in' } })).fetch);
    expect(await client.current()).toBeNull();
    await expect(client.signIn('x', 'y')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    const throttled = createSessionClient(recording(() => json(429, { error: { code: 'rate_limited', message: 'later' } })).fetch);
    await expect(throttled.signIn('x', 'y')).rejects.toMatchObject({ status: 429 });
  });

  it('tells the app when any API call answers 401, and forgets the CSRF token', async () => {
    setCsrfToken('bya_csrf_old');
    let told = 0;
    const stop = onSignedOut(() => told++);
    const { fetch, calls } = recording(() => json(401, { error: { code: 'unauthenticated', message: 'session ended' } }));
    const api = createApiClient(fetch);
    await expect(api.getOpportunity('o1')).rejects.toMatchObject({ status: 401 });
    expect(told).toBe(1);
    await api.createSignal({ opportunity_id: 'o1', contact_id: 'c1', kind: 'pain_stated', at: '2026-01-01T00:00:00Z' }).catch(() => undefined);
    expect(new Headers(calls[1]?.init?.headers).get('X-CSRF-Token')).toBeNull();
    stop();
  });

  it('signs out with the CSRF token and forgets it', async () => {
    setCsrfToken('bya_csrf_2');
    const { fetch, calls } = recording(() => new Response(null, { status: 204 }));
    await createSessionClient(fetch).signOut();
    expect(calls[0]?.init?.method).toBe('DELETE');
    expect(new Headers(calls[0]?.init?.headers).get('X-CSRF-Token')).toBe('bya_csrf_2');
    const after = recording(() => json(201, {}));
    await createApiClient(after.fetch).createSignal({ opportunity_id: 'o1', contact_id: 'c1', kind: 'pain_stated', at: '2026-01-01T00:00:00Z' });
    expect(new Headers(after.calls[0]?.init?.headers).get('X-CSRF-Token')).toBeNull();
  });
});
