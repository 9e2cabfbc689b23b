// The DSFR header: service name, the tool links (login or my account, the language menu) and
// the main navigation read from the module registry. The app renders the tool links twice — in
// the header and in the mobile menu (ids suffixed "-mobile", as the DSFR documents) — from the
// session, so both follow login and logout; the DSFR runs in "react" mode and copies nothing.
import { useI18n, type Lang, type MessageKey } from '../i18n';
import type { NavEntry } from '../kit/module';
import { MODULES } from '../modules';
import type { Me } from '../session';

interface Props {
  path: string;
  me: Me | null;
}

const HOME: NavEntry = { href: '/', labelKey: 'nav.home' };

// One item of the main navigation: a link, or a module's menu of links (its `menuKey`) when
// more than one of its entries is visible.
export type NavItem = { entry: NavEntry } | { menu: { key: string; labelKey: MessageKey; entries: NavEntry[] } };

const visibleTo = (me: Me | null) => (e: NavEntry) => !e.visible || e.visible(me);

// The items the user may see, the platform's first then each module's in registry order.
export function navItems(me: Me | null): NavItem[] {
  const items: NavItem[] = [{ entry: HOME }];
  for (const m of MODULES) {
    const entries = m.nav.filter(visibleTo(me));
    if (m.menuKey && entries.length > 1) items.push({ menu: { key: m.name, labelKey: m.menuKey, entries } });
    else items.push(...entries.map((entry) => ({ entry })));
  }
  return items;
}

const isCurrent = (e: NavEntry, path: string) => (e.current ? e.current(path) : path === e.href);

function NavLink({ e, me, path }: { e: NavEntry; me: Me | null; path: string }) {
  const { t } = useI18n();
  return (
    <a class="fr-nav__link" href={e.href} aria-current={isCurrent(e, path) ? 'page' : undefined}>
      {t(e.labelKey)}
      {e.after && <e.after me={me} />}
    </a>
  );
}

function ToolLinks({ me, suffix }: { me: Me | null; suffix: string }) {
  const { t, lang, setLang } = useI18n();
  const langItem = (code: Lang) => (
    <li>
      <button
        type="button"
        class="fr-translate__language fr-nav__link"
        lang={code}
        data-vigie-lang={code}
        aria-current={lang === code ? 'true' : undefined}
        onClick={() => setLang(code)}
      >
        {t(code === 'fr' ? 'lang.fr' : 'lang.en')}
      </button>
    </li>
  );
  return (
    <>
      <ul class="fr-btns-group">
        <li>
          {me ? (
            <a class="fr-btn" href="/compte" data-testid="header-account">
              {t('nav.account')}
            </a>
          ) : (
            <a class="fr-btn" href="/connexion" data-testid="header-login">
              {t('nav.login')}
            </a>
          )}
        </li>
      </ul>
      <nav role="navigation" class="fr-translate fr-nav" aria-label={t('lang.select')}>
        <div class="fr-nav__item">
          <button class="fr-translate__btn fr-btn fr-btn--tertiary" aria-controls={`translate-menu${suffix}`} aria-expanded="false" title={t('lang.select')}>
            {t('lang.current_short')}
            <span class="fr-hidden-lg">&nbsp;- {t('lang.current_long')}</span>
          </button>
          <div class="fr-collapse fr-translate__menu fr-menu" id={`translate-menu${suffix}`}>
            <ul class="fr-menu__list">
              {langItem('fr')}
              {langItem('en')}
            </ul>
          </div>
        </div>
      </nav>
    </>
  );
}

export function Header({ path, me }: Props) {
  const { t } = useI18n();
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                <div class="fr-header__navbar">
                  <button class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="modal-menu" aria-haspopup="menu" id="button-menu" title={t('header.menu')}>
                    {t('header.menu')}
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title={t('app.home_link_title')}>
                  <p class="fr-header__service-title">{t('app.service')}</p>
                </a>
                <p class="fr-header__service-tagline">{t('app.tagline')}</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <ToolLinks me={me} suffix="" />
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu fr-modal" id="modal-menu" aria-labelledby="button-menu">
        <div class="fr-container">
          <button class="fr-btn--close fr-btn" aria-controls="modal-menu" title={t('header.close')}>
            {t('header.close')}
          </button>
          <div class="fr-header__menu-links">
            <ToolLinks me={me} suffix="-mobile" />
          </div>
          <nav class="fr-nav" id="navigation" role="navigation" aria-label={t('header.main_menu')}>
            <ul class="fr-nav__list">
              {navItems(me).map((item) =>
                'entry' in item ? (
                  <li class="fr-nav__item" key={item.entry.href}>
                    <NavLink e={item.entry} me={me} path={path} />
                  </li>
                ) : (
                  <li class="fr-nav__item" key={item.menu.key}>
                    {/* The DSFR's navigation script opens and closes the menu (aria-expanded). */}
                    <button
                      class="fr-nav__btn"
                      type="button"
                      aria-expanded="false"
                      aria-controls={`nav-menu-${item.menu.key}`}
                      aria-current={item.menu.entries.some((e) => isCurrent(e, path)) ? 'true' : undefined}
                      data-testid={`nav-menu-${item.menu.key}`}
                    >
                      {t(item.menu.labelKey)}
                      {item.menu.entries.map((e) => e.after && <e.after key={e.href} me={me} />)}
                    </button>
                    <div class="fr-collapse fr-menu" id={`nav-menu-${item.menu.key}`}>
                      <ul class="fr-menu__list">
                        {item.menu.entries.map((e) => (
                          <li key={e.href}>
                            <NavLink e={{ ...e, after: undefined }} me={me} path={path} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  </li>
                ),
              )}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
