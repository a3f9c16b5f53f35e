import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, FRICTION_KINDS, PHASES, ROLES, SIGNAL_KINDS, SIGNAL_SOURCES, STAGES, STANCES } from '../vocabulary';
import { CATALOGUES, LANGUAGES, detectLanguage, interpolate, kindLabel, label, t } from './index';

// `{name}` and the argument of `{name, plural, ...}`.
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();

describe('catalogue completeness', () => {
  const reference = Object.keys(CATALOGUES.en).sort();

  for (const language of LANGUAGES) {
    it(`${language} has exactly the English keys, none empty`, () => {
      const catalogue = CATALOGUES[language] as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(reference);
      for (const key of reference) expect(catalogue[key]?.trim(), `${language}:${key}`).toBeTruthy();
    });

    it(`${language} uses the same placeholders as English`, () => {
      const catalogue = CATALOGUES[language] as Record<string, string>;
      for (const key of reference) {
        expect(placeholders(catalogue[key] ?? ''), `${language}:${key}`).toEqual(placeholders((CATALOGUES.en as Record<string, string>)[key] ?? ''));
      }
    });

    it(`${language} labels every id of the spec vocabulary`, () => {
      const catalogue = CATALOGUES[language] as Record<string, string>;
      const ids: [string, readonly string[]][] = [
        ['stage', STAGES],
        ['question', STAGES],
        ['phase', PHASES],
        ['signal', SIGNAL_KINDS],
        ['activity', ACTIVITY_KINDS],
        ['role', ROLES],
        ['stance', STANCES],
        ['frictionKind', FRICTION_KINDS],
        ['source', SIGNAL_SOURCES],
      ];
      for (const [vocabulary, list] of ids) for (const id of list) expect(catalogue[`${vocabulary}.${id}`], `${language}:${vocabulary}.${id}`).toBeTruthy();
    });
  }

  it('really translates: Dutch and French differ from English for stage labels', () => {
    for (const stage of STAGES.filter((s) => s !== 'status_quo')) {
      expect(label('stage', stage, 'nl')).not.toBe(label('stage', stage, 'en'));
      expect(label('stage', stage, 'fr')).not.toBe(label('stage', stage, 'en'));
    }
  });
});

describe('lookup', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('{n} open, {x}', { n: 3 })).toBe('3 open, {x}');
    expect(t('pipeline.count', { n: 4 }, 'nl')).toBe('4 open opportunities');
  });

  it('picks the plural form each language needs', () => {
    expect(t('pipeline.count', { n: 1 }, 'en')).toBe('1 open opportunity');
    expect(t('pipeline.count', { n: 2 }, 'en')).toBe('2 open opportunities');
    expect(t('content.gaps', { n: 1 }, 'nl')).toBe('1 gat');
    expect(t('content.gaps', { n: 3 }, 'nl')).toBe('3 gaten');
    // French counts zero as singular.
    expect(t('pipeline.count', { n: 0 }, 'fr')).toBe('0 opportunité ouverte');
    expect(t('pipeline.count', { n: 2 }, 'fr')).toBe('2 opportunités ouvertes');
    expect(interpolate('{n, plural, =0 {none} one {# thing} other {# things}}', { n: 0 }, 'en')).toBe('none');
  });

  it('writes counts the way the language groups digits', () => {
    expect(t('pipeline.count', { n: 1000 }, 'en')).toBe('1,000 open opportunities');
    expect(t('pipeline.count', { n: 1000 }, 'nl')).toBe('1.000 open opportunities');
    expect(t('pipeline.count', { n: 1000 }, 'fr')).toBe('1\u202f000 opportunités ouvertes');
  });

  it('leaves a plural block without its count as written', () => {
    expect(interpolate('{n, plural, one {# a} other {# b}}', { m: 1 }, 'en')).toBe('{n, plural, one {# a} other {# b}}');
  });

  it('labels ids outside the default methodology readably', () => {
    expect(label('stage', 'pilot_running', 'en')).toBe('pilot running');
    expect(label('role', undefined, 'fr')).toBe('inconnu');
  });

  it('finds a kind in either vocabulary', () => {
    expect(kindLabel('requests_demo', 'en')).toBe('Requests a demo');
    expect(kindLabel('demo', 'fr')).toBe('Démo');
  });

  it('picks the saved language, then the browser languages, then English', () => {
    expect(detectLanguage('fr', ['nl-BE'])).toBe('fr');
    expect(detectLanguage(null, ['de-DE', 'nl-BE', 'en'])).toBe('nl');
    expect(detectLanguage('xx', ['de'])).toBe('en');
  });
});
