import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { can, useSession } from '../session';
import { BulkReport } from '../plan/bulk-report';
import { type CampaignView } from '../plan/campaign-types';
import type { PlanView, Status } from '../plan/types';

// "My reporting": what the user's organisation owes in the open campaigns, each action with a
// link to the measure page where the report form is.
export function ReportingPage() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  const [data, setData] = useState<{ organisation: string; campaigns: CampaignView[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const [current, setCurrent] = useState(new Map<number, { status: Status; progress: number }>());
  const load = () => {
    getJson<{ organisation: string; campaigns: CampaignView[] }>('/api/v1/reporting/mine').then(setData).catch(() => setFailed(true));
    // Each action's current state, to start the bulk form from it.
    getJson<PlanView>('/api/v1/plan')
      .then((p) => setCurrent(new Map(p.axes.flatMap((a) => a.measures.flatMap((m) => (m.actions ?? []).map((x) => [x.id, { status: x.status, progress: Number(x.progress) }] as const))))))
      .catch(() => undefined);
  };
  useEffect(() => {
    if (!loading && !me) navigate('/connexion');
    if (me) load();
  }, [loading, me]);
  if (failed)
    return (
      <div class="fr-container fr-my-6w">
        <div class="fr-alert fr-alert--error" role="alert"><p>{t('login.unreachable')}</p></div>
      </div>
    );
  if (!me || !data)
    return (
      <div class="fr-container fr-my-6w">
        <p>{t('status.checking')}</p>
      </div>
    );
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('reporting.heading')}</h1>
      <p>{t('reporting.lead', { org: me.organisation.name })}</p>
      {data.campaigns.length === 0 && <p data-testid="reporting-none">{t('reporting.none')}</p>}
      {data.campaigns.map((c) => (
        <section key={c.id} class="fr-mb-5w" aria-labelledby={`campaign-${c.id}`}>
          <h2 id={`campaign-${c.id}`}>{c.label}</h2>
          <p>
            <span class="fr-badge fr-badge--info">{t('reporting.due', { date: c.deadline })}</span>
          </p>
          {can(me, 'plan.report') && (c.actions ?? []).filter((a) => !a.reported_at).length > 1 && (
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
                      {a.measure} — {a.measure_title}
                    </td>
                    <td>{a.title}</td>
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
    </div>
  );
}
