import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../kit/api';
import { useI18n, type MessageKey } from '../i18n';

const MODULES = ['plan', 'diagnostics', 'field', 'saisines', 'committee', 'operations', 'reports'] as const;

interface Version {
  version: string;
}
interface Ready {
  status: string;
  schema_version: number;
}
type Status = { state: 'checking' } | { state: 'ready'; version: string; schema: number } | { state: 'down' };

function ServiceStatus() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>({ state: 'checking' });
  useEffect(() => {
    let live = true;
    Promise.all([getJson<Version>('/api/v1/version'), getJson<Ready>('/readyz')])
      .then(([v, r]) => live && setStatus({ state: 'ready', version: v.version, schema: r.schema_version }))
      .catch(() => live && setStatus({ state: 'down' }));
    return () => {
      live = false;
    };
  }, []);
  const kind = status.state === 'ready' ? 'success' : status.state === 'down' ? 'error' : 'info';
  return (
    <div class={`fr-alert fr-alert--${kind} fr-alert--sm fr-mb-4w`} role="status" data-testid="service-status">
      <h2 class="fr-alert__title">{t('status.heading')}</h2>
      <p>
        {status.state === 'checking' && t('status.checking')}
        {status.state === 'ready' && t('status.ready', { version: status.version, schema: status.schema })}
        {status.state === 'down' && t('status.unavailable')}
      </p>
    </div>
  );
}

export function Home() {
  const { t } = useI18n();
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('home.heading')}</h1>
      <p class="fr-text--lead">{t('home.lead')}</p>
      <div class="fr-callout fr-mb-4w">
        <p class="fr-callout__text">{t('home.principle')}</p>
      </div>
      <ServiceStatus />
      <h2>{t('home.modules_heading')}</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        {MODULES.map((m) => (
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-4" key={m}>
            <div class="fr-card fr-card--no-arrow">
              <div class="fr-card__body">
                <div class="fr-card__content">
                  <h3 class="fr-card__title">{t(`home.module.${m}.title` as MessageKey)}</h3>
                  <p class="fr-card__desc">{t(`home.module.${m}.desc` as MessageKey)}</p>
                  <div class="fr-card__start">
                    <ul class="fr-badges-group">
                      <li>
                        <p class="fr-badge fr-badge--sm fr-badge--new">{t('home.module_state_upcoming')}</p>
                      </li>
                    </ul>
                  </div>
                </div>
              </div>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
