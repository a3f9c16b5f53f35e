// The frame around every screen: skip link, banner with navigation, the language switcher and
// who is signed in, and the routed screen in the main landmark. Until the server knows who is
// asking, the main landmark holds the sign-in form instead.

import { useEffect, useRef, useState } from 'preact/hooks';
import { onSignedOut } from './api/credentials';
import { session } from './api/session';
import type { SessionUser } from './api/types';
import { Loading } from './components/Status';
import { LANGUAGES, LANGUAGE_NAMES, getLanguage, isLanguage, onLanguageChange, setLanguage, t, type MessageKey } from './i18n';
import { useDocumentTitle } from './hooks';
import { rememberedPipelineQuery } from './pipelineView';
import { href, useRoute, type Route } from './router';
import { ContentScreen } from './screens/ContentScreen';
import { ForecastScreen } from './screens/ForecastScreen';
import { MyWeekScreen } from './screens/MyWeekScreen';
import { OpportunityScreen } from './screens/OpportunityScreen';
import { PipelineScreen } from './screens/PipelineScreen';
import { SignInScreen } from './screens/SignInScreen';

type SignIn = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; user: SessionUser };

// The pipeline's entry returns to the filters and sort last used in this session.
const NAV: { route: () => Route; label: MessageKey }[] = [
  { route: () => ({ name: 'pipeline', query: rememberedPipelineQuery() }), label: 'nav.pipeline' },
  { route: () => ({ name: 'week' }), label: 'nav.week' },
  { route: () => ({ name: 'content' }), label: 'nav.content' },
  { route: () => ({ name: 'forecast' }), label: 'nav.forecast' },
];

function isCurrent(item: Route, route: Route): boolean {
  return item.name === route.name || (item.name === 'pipeline' && route.name === 'opportunity');
}

/** The title of a screen; the opportunity screen names itself after its deal once loaded. */
const TITLES: Record<Exclude<Route['name'], 'opportunity'>, MessageKey> = {
  pipeline: 'pipeline.title',
  week: 'week.title',
  content: 'content.title',
  forecast: 'forecast.title',
  notFound: 'state.notFound',
};

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'pipeline':
      return <PipelineScreen query={route.query} />;
    case 'opportunity':
      return <OpportunityScreen id={route.id} />;
    case 'week':
      return <MyWeekScreen />;
    case 'content':
      return <ContentScreen />;
    case 'forecast':
      return <ForecastScreen />;
    case 'notFound':
      return <p>{t('state.notFound')}</p>;
  }
}

export function App() {
  const route = useRoute();
  const [language, setLang] = useState(getLanguage());
  const [signIn, setSignIn] = useState<SignIn>({ status: 'checking' });
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => onLanguageChange(setLang), []);
  useDocumentTitle(route.name === 'opportunity' ? undefined : t(TITLES[route.name]));
  useEffect(() => {
    session
      .current()
      .then((info) => setSignIn(info ? { status: 'signedIn', user: info.user } : { status: 'signedOut' }))
      .catch(() => setSignIn({ status: 'signedOut' }));
    return onSignedOut(() => setSignIn({ status: 'signedOut' }));
  }, []);

  async function signOut() {
    try {
      await session.signOut();
    } finally {
      setSignIn({ status: 'signedOut' });
    }
  }
  useEffect(() => {
    // After navigating, put the keyboard and screen reader at the start of the new screen.
    if (first.current) first.current = false;
    else main.current?.focus();
    window.scrollTo(0, 0);
  }, [route.name, route.name === 'opportunity' ? route.id : '']);

  return (
    <div class="app">
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        {t('app.skip')}
      </a>
      <header class="banner">
        <a class="brand" href={href({ name: 'pipeline' })}>
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <circle cx="12" cy="12" r="10" class="brand-ring" />
            <path d="M12 12 L12 4 M12 12 L17 15" class="brand-hands" />
          </svg>
          <span>{t('app.name')}</span>
        </a>
        {signIn.status === 'signedIn' && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {NAV.map((item) => {
                const target = item.route();
                return (
                  <li key={target.name}>
                    <a
                      href={href(target)}
                      aria-current={isCurrent(target, route) ? 'page' : undefined}
                      // The pipeline's view may have changed since this rendered: follow the latest.
                      onClick={(e) => (e.currentTarget.href = href(item.route()))}
                    >
                      {t(item.label)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <div class="lang">
          <label for="language">{t('lang.label')}</label>
          <select
            id="language"
            value={language}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              if (isLanguage(value)) setLanguage(value);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        {signIn.status === 'signedIn' && (
          <div class="who">
            <span>{t('auth.signedInAs', { name: signIn.user.name || signIn.user.id })}</span>
            <button type="button" class="sign-out" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {signIn.status === 'checking' && <Loading />}
        {signIn.status === 'signedOut' && <SignInScreen onSignedIn={(info) => setSignIn({ status: 'signedIn', user: info.user })} />}
        {signIn.status === 'signedIn' && <Screen route={route} />}
      </main>
    </div>
  );
}
