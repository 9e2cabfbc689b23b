import { useEffect, useMemo, useState } from 'preact/hooks';
import { Footer } from './components/footer';
import { Header } from './components/header';
import { I18nContext, initialLang, STORAGE_KEY, translate, type I18n, type Lang, type MessageKey } from './i18n';
import { sendJson } from './kit/api';
import { findRoute } from './kit/module';
import { MODULES } from './modules';
import { Home } from './pages/home';
import { NotFound } from './pages/not-found';
import { interceptLinks, usePath } from './router';
import { fetchMe, SessionContext, type Me, type SessionState } from './session';

interface Page {
  titleKey: MessageKey;
  render: () => preact.ComponentChildren;
}

// The platform's own pages (home, 404) and every registered module's routes.
function pageFor(path: string): Page {
  if (path === '/' || path === '') return { titleKey: 'home.page_title', render: () => <Home /> };
  const found = findRoute(MODULES, path);
  if (found) return { titleKey: found.route.titleKey, render: () => found.route.render(found.params) };
  return { titleKey: 'notfound.page_title', render: () => <NotFound /> };
}

function readStoredLang(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(readStoredLang()));
  const path = usePath();
  const page = pageFor(path);
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    fetchMe()
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, []);
  const session = useMemo<SessionState>(() => ({ me, loading, setMe }), [me, loading]);

  // The language is kept in the browser, and in the member's account once logged in, so that
  // it follows them to another browser: the account's choice wins when the session arrives.
  const keepLang = (l: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    setLangState(l);
  };
  useEffect(() => {
    const chosen = me?.user.language;
    if (chosen === 'fr' || chosen === 'en') keepLang(chosen);
  }, [me?.user.id, me?.user.language]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      setLang: (l) => {
        keepLang(l);
        if (me && me.user.language !== l)
          sendJson('PUT', '/api/v1/me/language', { language: l }, me.csrf_token)
            .then(() => setMe({ ...me, user: { ...me.user, language: l } }))
            .catch(() => undefined); // kept in this browser; the account keeps its last choice
      },
      t: (key, params) => translate(lang, key, params),
    }),
    [lang, me],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${translate(lang, page.titleKey)} — ${translate(lang, 'app.title')}`;
  }, [lang, page.titleKey]);

  useEffect(() => interceptLinks(document.body), []);

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
      <div class="fr-skiplinks">
        <nav class="fr-container" role="navigation" aria-label={i18n.t('skiplinks.label')}>
          <ul class="fr-skiplinks__list">
            <li>
              <a class="fr-link" href="#content">
                {i18n.t('skiplinks.content')}
              </a>
            </li>
            <li>
              <a class="fr-link" href="#navigation">
                {i18n.t('skiplinks.menu')}
              </a>
            </li>
            <li>
              <a class="fr-link" href="#footer">
                {i18n.t('skiplinks.footer')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <Header path={path} me={me} />
      <main role="main" id="content" tabIndex={-1}>
        {page.render()}
      </main>
      <Footer />
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
