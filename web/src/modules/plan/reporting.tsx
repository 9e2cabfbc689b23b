import { useMemo } from 'preact/hooks';
import { formatDate } from '../../kit/dates';
import { useI18n } from '../../i18n';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { BulkReport } from './bulk-report';
import { type CampaignView, owedTitles } from './campaign-types';
import type { PlanView, Status } from './types';

// "My reporting": what the user's organisation owes in the open campaigns, each action with a
// link to the measure page where the report form is.
export function ReportingPage() {
  return <MemberPage>{(me) => <Reporting me={me} />}</MemberPage>;
}

type Mine = { organisation: string; campaigns: CampaignView[] };

function Reporting({ me }: { me: Me }) {
  const { t } = useI18n();
  const mine = useResource<Mine>('/api/v1/reporting/mine');
  // Each action's current state, to start the bulk form from it (the form waits for it).
  const plan = useResource<PlanView>('/api/v1/plan');
  const current = useMemo(
    () => new Map((plan.data?.axes ?? []).flatMap((a) => a.measures.flatMap((m) => (m.actions ?? []).map((x) => [x.id, { status: x.status, progress: Number(x.progress) }] as const)))) as Map<number, { status: Status; progress: number }>,
    [plan.data],
  );
  const load = () => {
    mine.reload();
    plan.reload();
  };
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('reporting.heading')}</h1>
      <ResourceView resource={mine}>{(data) => <Owed me={me} data={data} current={current} plan={plan.status} load={load} />}</ResourceView>
    </div>
  );
}

function Owed({ me, data, current, plan, load }: { me: Me; data: Mine; current: Map<number, { status: Status; progress: number }>; plan: string; load: () => void }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p>{t('reporting.lead', { org: me.organisation.name })}</p>
      {data.campaigns.length === 0 && <p data-testid="reporting-none">{t('reporting.none')}</p>}
      {data.campaigns.map((c) => (
        <section key={c.id} class="fr-mb-5w" aria-labelledby={`campaign-${c.id}`}>
          <h2 id={`campaign-${c.id}`}>{c.label}</h2>
          <p>
            <span class="fr-badge fr-badge--info">{t('reporting.due', { date: formatDate(c.deadline, lang) })}</span>
          </p>
          {can(me, 'plan.report', 'pilot') && plan === 'ready' && (c.actions ?? []).filter((a) => !a.reported_at).length > 1 && (
            <details class="fr-mb-3w">
              <summary>{t('reporting.bulk')}</summary>
              <BulkReport me={me} actions={(c.actions ?? []).filter((a) => !a.reported_at)} current={current} onDone={load} key={`${c.id}-${current.size}-${(c.actions ?? []).filter((a) => !a.reported_at).length}`} />
            </details>
          )}
          <div class="fr-table">
            <table>
              <caption>{t('campaigns.actions_waiting')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.measure')}</th>
                  <th scope="col">{t('plan.actions')}</th>
                  <th scope="col">{t('plan.status')}</th>
                </tr>
              </thead>
              <tbody>
                {(c.actions ?? []).map((a) => (
                  <tr key={a.action_id} data-testid={`owed-${a.action_id}`}>
                    <td>
                      {a.measure} — {owedTitles(a, lang).measure}
                    </td>
                    <td>{owedTitles(a, lang).action}</td>
                    <td>
                      {a.reported_at ? (
                        <span class="fr-badge fr-badge--success fr-badge--sm">{t('reporting.done')}</span>
                      ) : (
                        <a class="fr-link" href={`/plan/mesures/${encodeURIComponent(a.measure)}#action-${a.action_id}`}>
                          {t('reporting.report_now')}
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
