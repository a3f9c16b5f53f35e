// Logging what a buyer said or did, or what the seller did, without leaving the keyboard:
// pick the contact, type a few letters of the kind, Enter to choose it, a note, Enter to save.

import { useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api/client';
import type { ContentItem } from '../api/types';
import { getLanguage, kindLabel, label, t, type Language, type MessageKey } from '../i18n';
import { ACTIVITY_KINDS, SIGNAL_KINDS, STAGES } from '../vocabulary';

export interface KindOption {
  kind: string;
  type: 'signal' | 'activity';
  label: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Signals first, then activities, keeping those whose label or id contains every typed word. */
export function searchKinds(query: string, language: Language = getLanguage()): KindOption[] {
  const all: KindOption[] = [
    ...SIGNAL_KINDS.map((kind) => ({ kind, type: 'signal' as const, label: kindLabel(kind, language) })),
    ...ACTIVITY_KINDS.map((kind) => ({ kind, type: 'activity' as const, label: kindLabel(kind, language) })),
  ];
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return all;
  return all.filter((option) => {
    const haystack = `${fold(option.label)} ${option.kind.replace(/_/g, ' ')}`;
    return words.every((word) => haystack.includes(word));
  });
}

/** An ISO 8601 timestamp in whole seconds, as the interchange format writes them. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ContactChoice {
  id: string;
  name: string;
  role?: string;
}

export function QuickLogForm({
  opportunityId,
  contacts,
  content,
  client,
  onSaved,
}: {
  opportunityId: string;
  contacts: ContactChoice[];
  content: ContentItem[];
  client: ApiClient;
  onSaved: () => Promise<void> | void;
}) {
  const [contactId, setContactId] = useState(contacts[0]?.id ?? '');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<KindOption | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const [stage, setStage] = useState('');
  const [contentId, setContentId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // Worded at render time, so a message still reads in the language the user switches to.
  const [message, setMessage] = useState<{ say: () => string; error: boolean } | null>(null);
  const kindInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLInputElement>(null);
  const stageSelect = useRef<HTMLSelectElement>(null);
  const contentSelect = useRef<HTMLSelectElement>(null);

  const options = searchKinds(query);
  const active = Math.min(activeIndex, Math.max(0, options.length - 1));

  function choose(option: KindOption) {
    setChosen(option);
    setQuery(option.label);
    setOpen(false);
    setMessage(null);
    // Move on to the next thing to fill in, after the render that shows it.
    setTimeout(() => {
      if (option.kind === 'stage_assessed') stageSelect.current?.focus();
      else if (option.kind === 'content_engaged') contentSelect.current?.focus();
      else noteInput.current?.focus();
    }, 0);
  }

  function onKindKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((active + step + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter') {
      const option = options[active];
      if (open && option) {
        event.preventDefault();
        choose(option);
      } else if (!chosen) {
        event.preventDefault();
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problem: MessageKey | null = !contactId
      ? 'log.pickContact'
      : !chosen
        ? 'log.pickKind'
        : chosen.kind === 'stage_assessed' && !stage
          ? 'log.pickStage'
          : chosen.kind === 'content_engaged' && !contentId
            ? 'log.pickContent'
            : null;
    if (problem || !chosen) {
      const key = problem ?? 'log.pickKind';
      setMessage({ say: () => t(key), error: true });
      return;
    }
    setBusy(true);
    setMessage(null);
    const at = nowIso();
    const trimmed = note.trim();
    try {
      if (chosen.type === 'signal') {
        await client.createSignal({
          opportunity_id: opportunityId,
          contact_id: contactId,
          kind: chosen.kind,
          at,
          ...(chosen.kind === 'stage_assessed' ? { stage, source: 'rep_assessment' } : {}),
          ...(chosen.kind === 'content_engaged' ? { content_id: contentId, source: 'content' } : {}),
          ...(trimmed ? { note: trimmed } : {}),
        });
      } else {
        await client.createActivity({
          opportunity_id: opportunityId,
          contact_ids: [contactId],
          kind: chosen.kind,
          at,
          ...(trimmed ? { note: trimmed } : {}),
        });
      }
      const kind = chosen.kind;
      setMessage({ say: () => t('log.saved', { kind: kindLabel(kind) }), error: false });
      setChosen(null);
      setQuery('');
      setNote('');
      setStage('');
      setContentId('');
      await onSaved();
      kindInput.current?.focus();
    } catch (error) {
      const text = error instanceof ApiError ? error.message + (error.field ? ` (${error.field})` : '') : String(error);
      setMessage({ say: () => t('log.failed', { message: text }), error: true });
    } finally {
      setBusy(false);
    }
  }

  const dmu = contacts.filter((c) => c.role);
  const others = contacts.filter((c) => !c.role);
  const listId = 'log-kind-list';

  return (
    <form class="quick-log" onSubmit={submit} aria-labelledby="log-title" noValidate>
      <h2 id="log-title">{t('log.title')}</h2>
      <div class="field">
        <label for="log-contact">{t('log.contact')}</label>
        <select id="log-contact" value={contactId} onChange={(e) => setContactId((e.target as HTMLSelectElement).value)}>
          {dmu.length > 0 && (
            <optgroup label={t('opp.dmu')}>
              {dmu.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {label('role', c.role)}
                </option>
              ))}
            </optgroup>
          )}
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field combo">
        <label for="log-kind">{t('log.kind')}</label>
        <input
          id="log-kind"
          ref={kindInput}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-describedby="log-kind-help"
          aria-activedescendant={open && options[active] ? `log-opt-${options[active]?.kind}` : undefined}
          placeholder={t('log.kindPlaceholder')}
          value={query}
          onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            setQuery(value);
            setActiveIndex(0);
            setOpen(true);
            if (chosen && value !== chosen.label) setChosen(null);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKindKey}
        />
        <span id="log-kind-help" class="visually-hidden">
          {t('log.kindHelp')}
        </span>
        <ul id={listId} role="listbox" aria-label={t('log.kind')} class="combo-list" hidden={!open}>
          {options.length === 0 && <li class="muted">{t('log.noMatch')}</li>}
          {options.map((option, i) => (
            <li
              key={option.kind}
              id={`log-opt-${option.kind}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              <span class={`kind-tag ${option.type}-tag`} aria-hidden="true">
                {option.type === 'signal' ? '◆' : '●'}
              </span>{' '}
              {option.label}
              <span class="visually-hidden"> ({option.type === 'signal' ? t('log.groupSignals') : t('log.groupActivities')})</span>
            </li>
          ))}
        </ul>
      </div>
      {chosen?.kind === 'stage_assessed' && (
        <div class="field">
          <label for="log-stage">{t('log.stage')}</label>
          <select id="log-stage" ref={stageSelect} value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {STAGES.map((s, i) => (
              <option key={s} value={s}>
                {i + 1}. {label('stage', s)}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen?.kind === 'content_engaged' && (
        <div class="field">
          <label for="log-content">{t('log.content')}</label>
          <select id="log-content" ref={contentSelect} value={contentId} onChange={(e) => setContentId((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {content.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="log-note">{t('log.note')}</label>
        <input id="log-note" ref={noteInput} type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} aria-describedby="log-hint" />
        <span id="log-hint" class="muted small">
          {t('log.hint')}
        </span>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('log.saving') : t('log.save')}
      </button>
      <p role="status" aria-live="polite" class={message?.error ? 'form-message error' : 'form-message'}>
        {message?.say() ?? ''}
      </p>
    </form>
  );
}
