import { useI18n } from '../i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div class="fr-container">
      <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
        <div class="fr-py-0 fr-col-12 fr-col-md-6">
          <h1>{t('notfound.heading')}</h1>
          <p class="fr-text--sm fr-mb-3w">{t('notfound.code')}</p>
          <p class="fr-text--lead fr-mb-3w">{t('notfound.lead')}</p>
          <p class="fr-text--sm fr-mb-5w">{t('notfound.detail')}</p>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <a class="fr-btn" href="/">
                {t('notfound.home')}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </div>
  );
}
