import { useState } from 'preact/hooks';
import { formatDate } from '../../kit/dates';
import { useI18n } from '../../i18n';
import { sendJson } from '../../kit/api';
import { FormField } from '../../kit/fields';
import { failureMessage } from '../../kit/field-errors';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { completion, type CampaignView, owedTitles } from './campaign-types';
import { ProgressBar } from './plan';
import type { PlanView } from './types';

function OpenCampaignForm({ me, onOpened }: { me: Me; onOpened: () => void }) {
  const { t, lang } = useI18n();
  const form = useForm({ label: '', deadline: '', all: true, chosen: [] as string[] });
  const { values: v, errors } = form;
  const { all, chosen } = v;
  const plan = useResource<PlanView>(all ? null : '/api/v1/plan');
  const submit = form.submit((x) => sendJson('POST', '/api/v1/campaigns', { label: x.label, deadline: x.deadline, measures: x.all ? [] : x.chosen }, me.csrf_token), {
    onSuccess: () => {
      form.setValues((old) => ({ ...old, label: '', deadline: '' }));
      onOpened();
    },
  });
  const ids: Record<string, string> = { label: 'campaign-label', deadline: 'campaign-deadline', measures: 'campaign-scope-all' };
  return (
    <details class="fr-mb-5w" open>
      <summary>{t('campaigns.open')}</summary>
      <form noValidate onSubmit={submit} aria-label={t('campaigns.open')} class="fr-mt-2w">
        <FormSummary form={form} idOf={(f) => ids[f] ?? null} success={form.saved && t('campaigns.opened')} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-8">
            <FormField id="campaign-label" label={t('campaigns.label')} value={v.label} error={errors.label} onInput={(x) => form.set('label', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <FormField id="campaign-deadline" label={t('campaigns.deadline')} type="date" value={v.deadline} error={errors.deadline} onInput={(x) => form.set('deadline', x)} />
          </div>
        </div>
        <fieldset class={`fr-fieldset${errors.measures ? ' fr-fieldset--error' : ''}`} aria-labelledby="campaign-scope-legend campaign-scope-error">
          <legend class="fr-fieldset__legend" id="campaign-scope-legend">{t('campaigns.scope')}</legend>
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input type="radio" id="campaign-scope-all" name="campaign-scope" checked={all} onChange={() => form.set('all', true)} />
              <label class="fr-label" for="campaign-scope-all">{t('campaigns.scope_all')}</label>
            </div>
          </div>
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input type="radio" id="campaign-scope-some" name="campaign-scope" checked={!all} onChange={() => form.set('all', false)} />
              <label class="fr-label" for="campaign-scope-some">{t('campaigns.scope_some')}</label>
            </div>
          </div>
          {!all && plan.status !== 'ready' && (
            <div class="fr-fieldset__element">
              <ResourceView resource={plan}>{() => null}</ResourceView>
            </div>
          )}
          {!all &&
            (plan.data?.axes ?? []).flatMap((a) =>
              a.measures
                .filter((m) => !m.retired)
                .map((m) => (
                  <div class="fr-fieldset__element" key={m.code}>
                    <div class="fr-checkbox-group fr-checkbox-group--sm">
                      <input
                        type="checkbox"
                        id={`campaign-measure-${m.code}`}
                        checked={chosen.includes(m.code)}
                        onChange={(e) => form.set('chosen', (e.target as HTMLInputElement).checked ? [...chosen, m.code] : chosen.filter((c) => c !== m.code))}
                      />
                      <label class="fr-label" for={`campaign-measure-${m.code}`}>
                        {m.code} — {lang === 'en' && m.title_en ? m.title_en : m.title}
                      </label>
                    </div>
                  </div>
                )),
            )}
          {errors.measures && (
            <div class="fr-messages-group" id="campaign-scope-error" aria-live="polite">
              <p class="fr-message fr-message--error">{errors.measures}</p>
            </div>
          )}
        </fieldset>
        <button class="fr-btn" type="submit" disabled={form.busy}>{t('campaigns.open')}</button>
      </form>
    </details>
  );
}

function CampaignDetail({ me, id, onChange }: { me: Me; id: number; onChange: () => void }) {
  const { t, lang } = useI18n();
  const campaign = useResource<CampaignView>(`/api/v1/campaigns/${id}`);
  const [error, setError] = useState('');
  const close = async () => {
    setError('');
    try {
      await sendJson('POST', `/api/v1/campaigns/${id}/close`, undefined, me.csrf_token);
      await campaign.reload();
      onChange();
    } catch (err) {
      setError(failureMessage(err, t));
    }
  };
  return (
    <div class="fr-mt-2w">
      <ResourceView resource={campaign}>{(c) => (
    <>
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{error}</p>
        </div>
      )}
      {c.snapshot && (
        <p class="fr-callout__text fr-mb-2w" data-testid="campaign-snapshot">
          {t('campaigns.closed_snapshot', { progress: String(c.snapshot.plan?.progress ?? 0), reported: String(c.snapshot.reported), total: String(c.snapshot.total) })}
        </p>
      )}
      <div class="fr-table fr-table--sm">
        <table>
          <caption>{t('campaigns.by_org')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.organisation')}</th>
              <th scope="col">{t('campaigns.owed')}</th>
              <th scope="col">{t('campaigns.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {c.by_organisation.map((o) => (
              <tr key={o.organisation}>
                <td>{o.organisation}</td>
                <td>{o.owed}</td>
                <td>{o.reported}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="fr-table fr-table--sm">
        <table>
          <caption>{t('campaigns.actions_waiting')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.measure')}</th>
              <th scope="col">{t('plan.pilot')}</th>
              <th scope="col">{t('plan.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(c.actions ?? []).map((a) => (
              <tr key={a.action_id}>
                <td>
                  <a href={`/plan/mesures/${encodeURIComponent(a.measure)}`}>{a.measure}</a> — {owedTitles(a, lang).action}
                </td>
                <td>{a.pilots.join(', ')}</td>
                <td>{a.reported_at ? t('campaigns.reported_on', { date: formatDate(a.reported_at, lang) }) : t('campaigns.waiting')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/api/v1/campaigns/${c.id}/export.csv?lang=${lang}`} download>
          {t('campaigns.export_csv')}
        </a>
      </p>
      {!c.closed_at && can(me, 'plan.campaign_manage', 'none') && (
        <>
          <p class="fr-hint-text">{t('campaigns.close_hint')}</p>
          <button class="fr-btn fr-btn--secondary" type="button" onClick={close}>
            {t('campaigns.close')}
          </button>
        </>
      )}
    </>
      )}</ResourceView>
    </div>
  );
}

// The campaign dashboard: every campaign with its live completion, per-organisation detail,
// opening and closing for the coordination.
export function CampaignsPage() {
  return <MemberPage>{(me) => <Campaigns me={me} />}</MemberPage>;
}

function Campaigns({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const campaigns = useResource<{ campaigns: CampaignView[] }>('/api/v1/campaigns', { isEmpty: (r) => r.campaigns.length === 0 });
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('campaigns.heading')}</h1>
      <p>{t('campaigns.lead')}</p>
      {can(me, 'plan.campaign_manage', 'none') && <OpenCampaignForm me={me} onOpened={campaigns.reload} />}
      <ResourceView resource={campaigns} empty={<p data-testid="campaigns-none">{t('campaigns.none')}</p>}>{({ campaigns: list }) => (
      <>
      {list.map((c) => (
        <section key={c.id} class="vigie-action fr-p-3w fr-mb-3w" aria-labelledby={`campaign-${c.id}`} data-testid={`campaign-${c.id}`}>
          <h2 id={`campaign-${c.id}`} class="fr-h5">
            {c.label}
          </h2>
          <p>
            {c.closed_at ? (
              <span class="fr-badge fr-badge--sm">{t('campaigns.status_closed', { date: formatDate(c.closed_at, lang) })}</span>
            ) : (
              <span class="fr-badge fr-badge--sm fr-badge--info">{t('campaigns.status_open')}</span>
            )}{' '}
            {t('reporting.due', { date: formatDate(c.deadline, lang) })}
          </p>
          <ProgressBar value={completion(c)} label={t('campaigns.completion_of', { label: c.label })} />
          <p class="fr-text--sm" data-testid={`campaign-${c.id}-count`}>
            {t('campaigns.reported_of', { reported: String(c.reported), total: String(c.total) })}
          </p>
          <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
            {t('campaigns.details')}
          </button>
          {open === c.id && <CampaignDetail me={me} id={c.id} onChange={campaigns.reload} />}
        </section>
      ))}
      </>
      )}</ResourceView>
    </div>
  );
}
