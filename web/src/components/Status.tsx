// The plain messages every screen shares: loading, a failure with a retry, a capability the
// server does not offer yet.

import type { ComponentChildren } from 'preact';
import { ApiError, type Capability } from '../api/client';
import type { Load } from '../hooks';
import { t, type MessageKey } from '../i18n';

export function Loading() {
  return (
    <p class="status" role="status">
      {t('state.loading')}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="status status-error" role="alert">
      <p>{t('state.error', { message })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** Says plainly that the server does not offer a capability yet; never shows stand-in data. */
export function NotAvailable({ capability, error }: { capability: MessageKey; error?: ApiError }) {
  return (
    <div class="status status-unavailable" role="note">
      <p>{t('state.notAvailable', { capability: t(capability) })}</p>
      {error && !error.notImplemented && <p class="muted small">{error.message}</p>}
    </div>
  );
}

/** Renders a load's data, or its loading state or error. */
export function Loaded<T>({
  load,
  onRetry,
  children,
}: {
  load: Load<T>;
  onRetry?: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') {
    if (load.error instanceof ApiError && load.error.status === 404) {
      return <p class="status" role="alert">{t('state.notFound')}</p>;
    }
    return <ErrorMessage error={load.error} onRetry={onRetry} />;
  }
  return <>{children(load.data)}</>;
}

/** Renders a capability's data, or says it is not available yet. */
export function WhenAvailable<T>({
  result,
  capability,
  children,
}: {
  result: Capability<T>;
  capability: MessageKey;
  children: (data: T) => ComponentChildren;
}) {
  if (!result.available) return <NotAvailable capability={capability} error={result.error} />;
  return <>{children(result.data)}</>;
}
