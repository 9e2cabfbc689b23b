import { useI18n } from '../i18n';

const OFFICIAL_SITES = ['info.gouv.fr', 'service-public.fr', 'legifrance.gouv.fr', 'data.gouv.fr'];

export function Footer() {
  const { t } = useI18n();
  return (
    <footer class="fr-footer" role="contentinfo" id="footer">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title={t('footer.home_title')}>
              <p class="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">{t('footer.desc')}</p>
            <ul class="fr-footer__content-list">
              {OFFICIAL_SITES.map((site) => (
                <li class="fr-footer__content-item" key={site}>
                  <a
                    class="fr-footer__content-link"
                    target="_blank"
                    rel="noopener"
                    href={`https://www.${site}`}
                    title={`${site} - ${t('footer.new_window')}`}
                  >
                    {site}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <div class="fr-footer__bottom-copy">
            <p>{t('footer.licence')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
