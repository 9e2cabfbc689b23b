import { useI18n, type Lang } from '../i18n';
import { can, type Me } from '../session';

interface Props {
  path: string;
  me: Me | null;
}

// DSFR header (service name, language switch, main navigation). The DSFR script copies the
// tool links into the mobile menu, so the language buttons are handled by delegation in App
// through their data-vigie-lang attribute rather than by handlers bound here.
export function Header({ path, me }: Props) {
  const { t, lang } = useI18n();
  const langItem = (code: Lang) => (
    <li>
      <button
        type="button"
        class="fr-translate__language fr-nav__link"
        lang={code}
        data-vigie-lang={code}
        aria-current={lang === code ? 'true' : undefined}
      >
        {t(code === 'fr' ? 'lang.fr' : 'lang.en')}
      </button>
    </li>
  );
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
                  <button
                    class="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="modal-menu"
                    aria-haspopup="menu"
                    id="button-menu"
                    title={t('header.menu')}
                  >
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
                    <button
                      class="fr-translate__btn fr-btn fr-btn--tertiary"
                      aria-controls="translate-menu"
                      aria-expanded="false"
                      title={t('lang.select')}
                    >
                      {t('lang.current_short')}
                      <span class="fr-hidden-lg">&nbsp;- {t('lang.current_long')}</span>
                    </button>
                    <div class="fr-collapse fr-translate__menu fr-menu" id="translate-menu">
                      <ul class="fr-menu__list">
                        {langItem('fr')}
                        {langItem('en')}
                      </ul>
                    </div>
                  </div>
                </nav>
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
          <div class="fr-header__menu-links"></div>
          <nav class="fr-nav" id="navigation" role="navigation" aria-label={t('header.main_menu')}>
            <ul class="fr-nav__list">
              <li class="fr-nav__item">
                <a class="fr-nav__link" href="/" aria-current={path === '/' ? 'page' : undefined}>
                  {t('nav.home')}
                </a>
              </li>
              <li class="fr-nav__item">
                <a class="fr-nav__link" href="/plan" aria-current={path === '/plan' || path.startsWith('/plan/') ? 'page' : undefined}>
                  {t('nav.plan')}
                </a>
              </li>
              {me && can(me, 'plan.read', 'none') && (
                <li class="fr-nav__item">
                  <a class="fr-nav__link" href="/reporting" aria-current={path === '/reporting' ? 'page' : undefined}>
                    {t('nav.reporting')}
                  </a>
                </li>
              )}
              {me && can(me, 'plan.read', 'none') && (
                <li class="fr-nav__item">
                  <a class="fr-nav__link" href="/campagnes" aria-current={path === '/campagnes' ? 'page' : undefined}>
                    {t('nav.campaigns')}
                  </a>
                </li>
              )}
              {me && (
                <li class="fr-nav__item">
                  <a class="fr-nav__link" href="/annuaire" aria-current={path === '/annuaire' ? 'page' : undefined}>
                    {t('directory.heading')}
                  </a>
                </li>
              )}
              {me && (can(me, 'audit.read_all', 'none') || can(me, 'audit.read_own_organisation')) && (
                <li class="fr-nav__item">
                  <a class="fr-nav__link" href="/journal" aria-current={path === '/journal' ? 'page' : undefined}>
                    {t('audit.heading')}
                  </a>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
