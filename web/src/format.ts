// Dates, amounts and numbers through Intl, in the user's locale: the chosen language, with the
// region of the browser's own preference when it speaks that language (nl-BE, fr-CA, en-GB, ...).

import { getLanguage, type Language } from './i18n';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl';

const DAY_MS = 86_400_000;

/** The BCP 47 locale for a UI language, keeping the browser's region when its language matches. */
export function intlLocale(language: Language, preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (tag.toLowerCase().split('-')[0] === language) return tag;
  }
  return language;
}

let lastLocale = { language: '', preferred: [] as readonly string[], locale: '' };

export function currentLocale(): string {
  const preferred = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  const language = getLanguage();
  // Asked once per formatted value: answer from the last time while nothing it depends on changed.
  if (language !== lastLocale.language || preferred !== lastLocale.preferred) {
    lastLocale = { language, preferred, locale: intlLocale(language, preferred) };
  }
  return lastLocale.locale;
}

/** An amount in its currency, whole units; a plain number when the currency is unknown or invalid. */
export function formatMoney(amount: number | undefined | null, currency: string | undefined, locale = currentLocale()): string {
  if (amount === undefined || amount === null || !Number.isFinite(amount)) return '—';
  if (currency) {
    try {
      return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    } catch {
      // An unknown currency code: fall through to a plain number.
    }
  }
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
}

/** Short amounts for chart axes (48K, 1,2 mln). */
export function formatCompact(amount: number, locale = currentLocale()): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A fraction in [0,1] as a whole percentage. */
export function formatPercent(fraction: number | undefined | null, locale = currentLocale()): string {
  if (fraction === undefined || fraction === null || !Number.isFinite(fraction)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatNumber(value: number, locale = currentLocale(), digits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A calendar date (`YYYY-MM-DD`, or the date of a timestamp) without a timezone shift. */
export function formatDate(value: string | undefined | null, locale = currentLocale()): string {
  if (!value) return '—';
  const date = parseDay(value);
  if (!date) return value;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment in the viewer's timezone. */
export function formatDateTime(value: string | undefined | null, locale = currentLocale(), timeZone?: string): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** "3 days ago", "today", "yesterday" in the locale. */
export function formatRelativeDays(value: string, now: Date = new Date(), locale = currentLocale()): string {
  const days = daysBetween(value, now);
  if (days === null) return value;
  return relativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

/** Whole days from `from` to `to` (positive when `from` is earlier), or null for a bad date. */
export function daysBetween(from: string, to: Date | string): number | null {
  const a = new Date(from).getTime();
  const b = (typeof to === 'string' ? new Date(to) : to).getTime();
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.floor((b - a) / DAY_MS);
}

function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The calendar quarter of a date, as the forecast names periods (`2026-Q3`). */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** `count` consecutive quarters starting at `period`. */
export function nextQuarters(period: string, count: number): string[] {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return [period];
  let year = Number(match[1]);
  let quarter = Number(match[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return out;
}

/** Up to two initials of a person's name ("Ann Peeters" -> "AP", "Thomas" -> "TH"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] ?? '').slice(0, 2).toUpperCase();
  return ((words[0]?.[0] ?? '') + (words[words.length - 1]?.[0] ?? '')).toUpperCase();
}

/** A free-form id the methodology does not label (a persona, a content format) as words. */
export function readable(id: string): string {
  return id.replace(/_/g, ' ');
}
