import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../kit/api';
import { formatDate } from '../kit/dates';
import type { HomeCard } from '../kit/module';
import { useI18n, type MessageKey } from '../i18n';
import { MODULES as REGISTRY } from '../modules';
import { useSession, type Me } from '../session';

// The cards the registered modules bring to life; the others are still being prepared.
const CARDS: readonly HomeCard[] = REGISTRY.flatMap((m) => m.home ?? []);

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

// What the member's organisation owes and what changed since their previous visit, from each
// module that has something to say.
function ForYou({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const [since, setSince] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    getJson<{ at: string | null }>('/api/v1/me/previous-visit', controller.signal)
      .then((r) => setSince(r.at))
      .catch(() => setSince(null)); // without it, what is owed is still worth showing
    return () => controller.abort();
  }, [me.user.id]);
  const cards = CARDS.filter((c) => c.Summary && (!c.summaryFor || c.summaryFor(me)));
  if (cards.length === 0 || since === undefined) return null;
  return (
    <section class="fr-mb-6w" aria-labelledby="home-for-you" data-testid="home-for-you">
      <h2 id="home-for-you">{t('home.for_you', { name: me.user.display_name })}</h2>
      <p class="fr-text--sm">{since ? t('home.since', { date: formatDate(since, lang) }) : t('home.first_visit')}</p>
      <div class="fr-grid-row fr-grid-row--gutters">
        {cards.map((c) => {
          const Summary = c.Summary!;
          return (
            <div class="fr-col-12 fr-col-md-6" key={c.key}>
              <div class="vigie-action fr-p-3w">
                <Summary me={me} since={since} />
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}

export function Home() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('home.heading')}</h1>
      <p class="fr-text--lead">{t('home.lead')}</p>
      {me && <ForYou me={me} />}
      <div class="fr-callout fr-mb-4w">
        <p class="fr-callout__text">{t('home.principle')}</p>
      </div>
      <ServiceStatus />
      <h2>{t('home.modules_heading')}</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        {MODULES.map((m) => {
          const card = CARDS.find((c) => c.key === m);
          const title = t(`home.module.${m}.title` as MessageKey);
          return (
            <div class="fr-col-12 fr-col-md-6 fr-col-lg-4" key={m}>
              <div class={`fr-card${card ? ' fr-enlarge-link' : ' fr-card--no-arrow'}`} data-testid={`home-module-${m}`}>
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h3 class="fr-card__title">{card ? <a href={card.href}>{title}</a> : title}</h3>
                    <p class="fr-card__desc">{t(`home.module.${m}.desc` as MessageKey)}</p>
                    <div class="fr-card__start">
                      <ul class="fr-badges-group">
                        <li>
                          {card ? (
                            <p class="fr-badge fr-badge--sm fr-badge--success">{t('home.module_state_available')}</p>
                          ) : (
                            <p class="fr-badge fr-badge--sm fr-badge--new">{t('home.module_state_upcoming')}</p>
                          )}
                        </li>
                      </ul>
                    </div>
                  </div>
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
