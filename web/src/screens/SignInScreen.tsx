// The sign-in form, shown whenever the server does not know who is asking (401).

import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { session as defaultSession, type SessionClient } from '../api/session';
import type { SessionInfo } from '../api/types';
import { t } from '../i18n';

function message(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth.wrong');
    if (error.status === 429) return t('auth.throttled');
    if (error.status === 0) return t('auth.unreachable');
    return error.message;
  }
  return String(error);
}

export function SignInScreen({ onSignedIn, client = defaultSession }: { onSignedIn: (info: SessionInfo) => void; client?: SessionClient }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const info = await client.signIn(login.trim(), password);
      setPassword('');
      onSignedIn(info);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="screen sign-in">
      <h1>{t('auth.title')}</h1>
      <form class="panel sign-in-form" onSubmit={submit}>
        <div class="field">
          <label for="sign-in-login">{t('auth.login')}</label>
          <input id="sign-in-login" type="text" autocomplete="username" required value={login} onInput={(e) => setLogin((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="sign-in-password">{t('auth.password')}</label>
          <input id="sign-in-password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" disabled={busy}>
          {t('auth.submit')}
        </button>
        <p class="form-message error" role="alert">
          {error}
        </p>
      </form>
    </div>
  );
}
