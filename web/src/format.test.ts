import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatRelativeDays,
  initials,
  intlLocale,
  nextQuarters,
  quarterOf,
  readable,
} from './format';

// Intl output uses narrow no-break spaces in places; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting', () => {
  it('keeps the browser region when it speaks the chosen language', () => {
    expect(intlLocale('nl', ['en-US', 'nl-BE'])).toBe('nl-BE');
    expect(intlLocale('fr', ['en-US'])).toBe('fr');
  });

  it('formats amounts in their currency per locale', () => {
    expect(plain(formatMoney(48000, 'EUR', 'en-GB'))).toBe('€48,000');
    expect(plain(formatMoney(48000, 'EUR', 'nl-NL'))).toBe('€ 48.000');
    expect(plain(formatMoney(48000, 'EUR', 'fr-FR'))).toBe('48 000 €');
    expect(plain(formatMoney(1234.5, undefined, 'en'))).toBe('1,235');
    expect(plain(formatMoney(10, 'EURO', 'en'))).toBe('10');
    expect(formatMoney(undefined, 'EUR', 'en')).toBe('—');
  });

  it('formats dates without shifting the day', () => {
    expect(formatDate('2026-06-30', 'en-GB')).toBe('30 Jun 2026');
    expect(formatDate('2026-06-30', 'nl-NL')).toBe('30 jun 2026');
    expect(formatDate('2026-06-30', 'fr-FR')).toBe('30 juin 2026');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('formats moments in a timezone', () => {
    expect(plain(formatDateTime('2026-03-04T09:30:00Z', 'en-GB', 'UTC'))).toBe('4 Mar 2026, 09:30');
  });

  it('formats percentages and relative days', () => {
    expect(plain(formatPercent(0.62, 'en'))).toBe('62%');
    expect(plain(formatPercent(0.62, 'fr'))).toBe('62 %');
    const now = new Date('2026-04-01T12:00:00Z');
    expect(formatRelativeDays('2026-03-29T12:00:00Z', now, 'en')).toBe('3 days ago');
    expect(formatRelativeDays('2026-03-31T12:00:00Z', now, 'nl')).toBe('gisteren');
    expect(daysBetween('bad', now)).toBeNull();
  });

  it('names quarters and the ones after', () => {
    expect(quarterOf(new Date('2026-08-15T00:00:00Z'))).toBe('2026-Q3');
    expect(nextQuarters('2026-Q3', 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
  });

  it('takes initials from names', () => {
    expect(initials('Ann Peeters')).toBe('AP');
    expect(initials('Thomas')).toBe('TH');
    expect(initials('Jean-Luc de Vries')).toBe('JV');
    expect(initials('  ')).toBe('?');
  });

  it('writes free-form ids as words', () => {
    expect(readable('case_study')).toBe('case study');
    expect(readable('benchmark_report_v2')).toBe('benchmark report v2');
    expect(readable('it')).toBe('it');
  });
});
