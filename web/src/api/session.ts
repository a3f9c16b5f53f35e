// Signing in and out (POST, GET and DELETE /api/v1/session). The session itself is an HttpOnly
// cookie the page never sees; what comes back here is who is signed in and the CSRF token.

import { errorFromResponse, ApiError, type FetchLike } from './client';
import { credentialHeaders, setCsrfToken } from './credentials';
import type { SessionInfo } from './types';

export interface SessionClient {
  /** Who is signed in, or null when no one is (401). */
  current(): Promise<SessionInfo | null>;
  /** Signs in by email or user id; an ApiError with status 401 or 429 (too many attempts) otherwise. */
  signIn(login: string, password: string): Promise<SessionInfo>;
  signOut(): Promise<void>;
}

export function createSessionClient(fetchImpl: FetchLike = (i, init) => fetch(i, init), base = '/api/v1'): SessionClient {
  async function send(method: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...credentialHeaders(method) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetchImpl(`${base}/session`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
    }
  }

  async function accepted(response: Response): Promise<SessionInfo> {
    const info = (await response.json()) as SessionInfo;
    setCsrfToken(info.csrf_token);
    return info;
  }

  return {
    async current() {
      const response = await send('GET');
      if (response.status === 401) {
        setCsrfToken(null);
        return null;
      }
      if (!response.ok) throw await errorFromResponse(response);
      return accepted(response);
    },
    async signIn(login, password) {
      const response = await send('POST', { login, password });
      if (!response.ok) throw await errorFromResponse(response);
      return accepted(response);
    },
    async signOut() {
      const response = await send('DELETE');
      setCsrfToken(null);
      if (!response.ok) throw await errorFromResponse(response);
    },
  };
}

/** The session client the app uses. */
export const session: SessionClient = createSessionClient();
