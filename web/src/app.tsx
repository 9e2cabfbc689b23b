import { useEffect, useMemo, useState } from 'preact/hooks';
import { Footer } from './components/footer';
import { Header } from './components/header';
import { I18nContext, initialLang, STORAGE_KEY, translate, type I18n, type Lang, type MessageKey } from './i18n';
import { Account } from './pages/account';
import { AuditLog } from './pages/audit';
import { Directory } from './pages/directory';
import { Home } from './pages/home';
import { Invitation } from './pages/invitation';
import { Login } from './pages/login';
import { MeasurePage } from './pages/measure';
import { PlanPage } from './pages/plan';
import { CampaignsPage } from './pages/campaigns';
import { ReferentialPage } from './pages/referential';
import { ReportingPage } from './pages/reporting';
import { ForgotPassword, NewPassword } from './pages/password-reset';
import { NotFound } from './pages/not-found';
import { interceptLinks, usePath } from './router';
import { fetchMe, SessionContext, type Me, type SessionState } from './session';

interface Page {
  titleKey: MessageKey;
  render: () => preact.JSX.Element;
}

function pageFor(path: string): Page {
  if (path === '/' || path === '') return { titleKey: 'home.page_title', render: () => <Home /> };
  if (path === '/connexion') return { titleKey: 'login.page_title', render: () => <Login /> };
  if (path === '/compte') return { titleKey: 'account.page_title', render: () => <Account /> };
  if (path === '/plan') return { titleKey: 'nav.plan', render: () => <PlanPage /> };
  if (path === '/plan/referentiel') return { titleKey: 'referential.heading', render: () => <ReferentialPage /> };
  if (path === '/reporting') return { titleKey: 'reporting.heading', render: () => <ReportingPage /> };
  if (path === '/campagnes') return { titleKey: 'campaigns.heading', render: () => <CampaignsPage /> };
  if (path.startsWith('/plan/mesures/') && path.length > 14) {
    const code = decodeURIComponent(path.slice(14));
    return { titleKey: 'nav.plan', render: () => <MeasurePage code={code} /> };
  }
  if (path === '/annuaire') return { titleKey: 'directory.heading', render: () => <Directory /> };
  if (path === '/journal') return { titleKey: 'audit.heading', render: () => <AuditLog /> };
  if (path === '/mot-de-passe-oublie') return { titleKey: 'reset.page_title', render: () => <ForgotPassword /> };
  const param = (prefix: string) => (path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : null);
  const invitation = param('/invitation/');
  if (invitation) return { titleKey: 'invitation.page_title', render: () => <Invitation token={invitation} /> };
  const reset = param('/mot-de-passe/');
  if (reset) return { titleKey: 'reset.new_heading', render: () => <NewPassword token={reset} /> };
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

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      setLang: (l) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, l);
        } catch {
          /* private mode: the choice lasts for this page only */
        }
        setLangState(l);
      },
      t: (key, params) => translate(lang, key, params),
    }),
    [lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${translate(lang, page.titleKey)} — ${translate(lang, 'app.title')}`;
  }, [lang, page.titleKey]);

  // Language buttons may be clones made by the DSFR script (mobile menu): delegate.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const button = (e.target as Element | null)?.closest?.('[data-vigie-lang]');
      if (!button) return;
      e.preventDefault();
      i18n.setLang(button.getAttribute('data-vigie-lang') === 'en' ? 'en' : 'fr');
    };
    document.addEventListener('click', onClick);
    const stopLinks = interceptLinks(document.body);
    return () => {
      document.removeEventListener('click', onClick);
      stopLinks();
    };
  }, [i18n]);

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
