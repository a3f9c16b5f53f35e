// Loading data into a screen: one hook, so every screen shows loading, errors and retries alike;
// and the window title that names the screen (what a screen reader announces, what a tab shows).

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

export type Load<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

export interface Loaded<T> {
  state: Load<T>;
  /** Loads again; keeps showing the current data meanwhile (no flash on refresh). */
  reload: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const generation = useRef(0);
  const run = useCallback(async (showLoading: boolean) => {
    const mine = ++generation.current;
    if (showLoading) setState({ status: 'loading' });
    try {
      const data = await load();
      if (mine === generation.current) setState({ status: 'ok', data });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error });
    }
  }, deps);
  useEffect(() => {
    void run(true);
  }, [run]);
  return { state, reload: () => run(false) };
}

/** Names the window after the screen ("Pipeline · Buyalign"); undefined leaves the title alone. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title !== undefined) document.title = `${title} · ${t('app.name')}`;
  }, [title]);
}
