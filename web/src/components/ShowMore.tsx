// A long list shows its first page and grows: by a page when the reader scrolls near its end or
// presses "Show more", or all at once. What is left out is said in words, never hidden silently.
// Keeps a 1,000-deal pipeline quick to open: the browser lays out a page of rows, not all of them,
// while search and sort still work on every row.

import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

/** How many items to show, growing by `page`; back to one page whenever `reset` changes. */
export function useGrowingLimit(page: number, reset: unknown): [number, (limit: number) => void] {
  const [chosen, setChosen] = useState({ limit: page, reset });
  const limit = chosen.reset === reset ? chosen.limit : page;
  return [limit, (next: number) => setChosen({ limit: next, reset })];
}

/** The next limit: one more page, never past the total. */
export function nextLimit(limit: number, page: number, total: number): number {
  return Math.min(total, limit + page);
}

export function ShowMore({ shown, total, page, onLimit }: { shown: number; total: number; page: number; onLimit: (limit: number) => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const more = nextLimit(shown, page, total);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined' || shown >= total) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLimit(more), { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, total, more]);
  if (shown >= total) return null;
  return (
    <div class="show-more" ref={sentinel}>
      <span class="muted small">{t('list.showing', { shown, total })}</span>
      <button type="button" class="link" onClick={() => onLimit(more)}>
        {t('list.more', { n: more - shown })}
      </button>
      <button type="button" class="link" onClick={() => onLimit(total)}>
        {t('list.all', { total })}
      </button>
    </div>
  );
}
