// What every API request carries once someone is signed in: the browser sends the HttpOnly
// session cookie by itself; this module keeps the CSRF token that state-changing requests must
// echo in X-CSRF-Token, and tells the app when the server no longer knows the session (401).

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** Remembers the token GET or POST /api/v1/session handed out (null after signing out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The headers a request with `method` needs besides its own: X-CSRF-Token on changes. */
export function credentialHeaders(method: string): Record<string, string> {
  const safe = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  return !safe && csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Calls `listener` whenever the server answers 401: the session ended or never began. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export function reportSignedOut(): void {
  csrfToken = null;
  for (const listener of signedOutListeners) listener();
}
