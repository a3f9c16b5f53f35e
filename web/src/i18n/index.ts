// The translation catalogue: every string the user sees goes through t() or label().

import { numberFormat, pluralRules } from '../intl';
import { en, type Catalogue, type MessageKey } from './en';
import { nl } from './nl';
import { fr } from './fr';

export type { MessageKey, Catalogue };

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', fr: 'Français' };

export const CATALOGUES: Record<Language, Catalogue> = { en, nl, fr };

const STORAGE_KEY = 'buyalign.language';
let current: Language = 'en';
const listeners = new Set<(language: Language) => void>();

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the first browser language we speak, else English. */
export function detectLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  current = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener(language);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function initLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    saved = null;
  }
  const preferred = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  current = detectLanguage(saved, preferred);
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  return current;
}

// `{n, plural, one {# item} other {# items}}`: the ICU plural form a count needs ("=0" forms too).
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The form of a plural block for a count, by the language's plural rules (CLDR). */
function pluralForm(forms: string, count: number, language: string): string | undefined {
  const options = new Map([...forms.matchAll(PLURAL_FORM)].map((m) => [m[1] ?? '', m[2] ?? '']));
  return options.get(`=${count}`) ?? options.get(pluralRules(language).select(count)) ?? options.get('other');
}

/**
 * Fills `{name}` placeholders and `{name, plural, ...}` blocks; numbers are written the way the
 * language writes them (1,000 / 1.000 / 1 000). Unknown placeholders stay as they are.
 */
export function interpolate(template: string, params?: Record<string, string | number>, language: string = current): string {
  if (!params) return template;
  const show = (value: string | number) => (typeof value === 'number' ? numberFormat(language).format(value) : value);
  return template
    .replace(PLURAL, (match, name: string, forms: string) => {
      const value = params[name];
      const form = typeof value === 'number' ? pluralForm(forms, value, language) : undefined;
      return form === undefined || value === undefined ? match : form.replace(/#/g, show(value));
    })
    .replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      return value === undefined ? match : show(value);
    });
}

export function t(key: MessageKey, params?: Record<string, string | number>, language: Language = current): string {
  return interpolate(CATALOGUES[language][key] ?? en[key], params, language);
}

export type Vocabulary = 'stage' | 'phase' | 'signal' | 'activity' | 'role' | 'stance' | 'frictionKind' | 'source' | 'question';

/** The human label of a spec id; an id outside the default methodology shows as itself, readably. */
export function label(vocabulary: Vocabulary, id: string | null | undefined, language: Language = current): string {
  if (!id) return t('common.unknown', undefined, language);
  const key = `${vocabulary}.${id}`;
  const catalogue = CATALOGUES[language] as Record<string, string>;
  return catalogue[key] ?? id.replace(/_/g, ' ');
}

/** The label of a signal or activity kind, whichever vocabulary it belongs to. */
export function kindLabel(kind: string, language: Language = current): string {
  const catalogue = CATALOGUES[language] as Record<string, string>;
  return catalogue[`signal.${kind}`] ?? catalogue[`activity.${kind}`] ?? kind.replace(/_/g, ' ');
}
