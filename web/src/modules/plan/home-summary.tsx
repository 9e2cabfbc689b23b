// The plan on a member's home page: what their organisation still owes in open reporting
// campaigns (with the deadline), and the progress reports written since their previous visit.
import { useI18n } from '../../i18n';
import { formatDate } from '../../kit/dates';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import type { Me } from '../../session';
import type { CampaignView } from './campaign-types';
import type { PlanView } from './types';

export function PlanHomeSummary({ me, since }: { me: Me; since: string | null }) {
  const { t, lang } = useI18n();
  const owed = useResource<{ campaigns: CampaignView[] }>('/api/v1/reporting/mine');
  const plan = useResource<PlanView>(since ? '/api/v1/plan' : null);
  const fresh = (plan.data?.axes ?? [])
    .flatMap((a) => a.measures)
    .filter((m) => (m.actions ?? []).some((a) => a.latest?.created_at && since && a.latest.created_at > since));
  return (
    <div data-testid="home-plan">
      <h3 class="fr-h6">{t('home.plan.heading', { org: me.organisation.name })}</h3>
      <ResourceView resource={owed}>
        {({ campaigns }) => {
          const open = campaigns.filter((c) => !c.closed_at && (c.actions ?? []).some((a) => !a.reported_at));
          return open.length === 0 ? (
            <p data-testid="home-plan-owed">{t('home.plan.nothing_owed')}</p>
          ) : (
            <ul data-testid="home-plan-owed">
              {open.map((c) => {
                const n = (c.actions ?? []).filter((a) => !a.reported_at).length;
                return (
                  <li key={c.id}>
                    <a href="/reporting">{t(n === 1 ? 'home.plan.owed_one' : 'home.plan.owed', { n, label: c.label, date: formatDate(c.deadline, lang) })}</a>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </ResourceView>
      {since && plan.status === 'ready' && (
        <p data-testid="home-plan-since">
          {fresh.length === 0
            ? t('home.plan.no_news')
            : t(fresh.length === 1 ? 'home.plan.news_one' : 'home.plan.news', { n: fresh.length })}{' '}
          {fresh.slice(0, 5).map((m, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/plan/mesures/${encodeURIComponent(m.code)}`} key={m.code}>{m.code}</a>
            </>
          ))}
        </p>
      )}
    </div>
  );
}
