// Diagnostic calls: the coordination asks chosen organisations, or every organisation of some
// types, for diagnostics on chosen measures before a date; every member sees the calls, who has
// answered and what is still owed, and an organisation asked gets a link to write each
// diagnostic it owes. Reminders are sent by the server (kit/reminders.hpp), as for campaigns.
import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { sendJson } from '../../kit/api';
import { formatDate } from '../../kit/dates';
import { failureMessage } from '../../kit/field-errors';
import { FormField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { ProgressBar } from '../plan/plan';
import type { PlanView } from '../plan/types';
import { ACTOR_TYPES } from './types';

export interface Call {
  id: number;
  label: string;
  deadline: string;
  measures: string[];
  opened_at: string;
  closed_at: string | null;
  organisations: number;
  owed: number;
  answered: number;
  by_organisation?: { organisation: string; answered: string[]; owed: string[] }[];
}

interface Organisation {
  code: string;
  name: string;
  type: string;
}

const share = (c: Call) => (c.owed === 0 ? 0 : Math.round((100 * c.answered) / c.owed));

function Checkbox({ id, checked, label, onChange }: { id: string; checked: boolean; label: string; onChange: (on: boolean) => void }) {
  return (
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group fr-checkbox-group--sm">
        <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
        <label class="fr-label" for={id}>{label}</label>
      </div>
    </div>
  );
}

const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

function OpenCallForm({ me, onOpened, open }: { me: Me; onOpened: () => void; open: boolean }) {
  const { t, lang } = useI18n();
  const form = useForm({ label: '', deadline: '', measures: [] as string[], org_types: [] as string[], organisations: [] as string[] });
  const { values: v, errors } = form;
  const plan = useResource<PlanView>('/api/v1/plan');
  const orgs = useResource<{ organisations: Organisation[] }>('/api/v1/organisations');
  const validate = () => {
    const e: Record<string, string> = {};
    if (!v.label.trim()) e.label = t('error.required');
    if (!v.deadline) e.deadline = t('error.required');
    if (v.measures.length === 0) e.measures = t('diag.calls.error.measures');
    if (v.org_types.length === 0 && v.organisations.length === 0) e.organisations = t('diag.calls.error.organisations');
    return e;
  };
  const submit = form.submit((x) => sendJson<Call>('POST', '/api/v1/diagnostic-calls', x, me.csrf_token), {
    validate,
    onSuccess: () => {
      form.setValues({ label: '', deadline: '', measures: [], org_types: [], organisations: [] });
      onOpened();
    },
  });
  const ids: Record<string, string> = { label: 'call-label', deadline: 'call-deadline', measures: 'call-measures-legend', org_types: 'call-types-legend', organisations: 'call-types-legend' };
  const chosenTypes = new Set(v.org_types);
  const [expanded] = useState(open); // as first shown; the user folds and unfolds it after
  return (
    <details class="fr-mb-5w" open={expanded}>
      <summary>{t('diag.calls.open')}</summary>
      <form noValidate onSubmit={submit} aria-label={t('diag.calls.open')} class="fr-mt-2w">
        <FormSummary form={form} idOf={(f) => ids[f] ?? null} success={form.saved && t('diag.calls.opened')} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-8">
            <FormField id="call-label" label={t('diag.calls.label')} value={v.label} error={errors.label} onInput={(x) => form.set('label', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <FormField id="call-deadline" label={t('diag.calls.deadline')} type="date" value={v.deadline} error={errors.deadline} onInput={(x) => form.set('deadline', x)} />
          </div>
        </div>
        <fieldset class={`fr-fieldset${errors.measures ? ' fr-fieldset--error' : ''}`} aria-labelledby="call-measures-legend" aria-describedby={errors.measures ? 'call-measures-error' : undefined}>
          <legend class="fr-fieldset__legend" id="call-measures-legend" tabIndex={-1}>
            {t('diag.calls.measures')}
          </legend>
          <ResourceView resource={plan}>
            {(p) => (
              <>
                {p.axes.flatMap((a) =>
                  a.measures
                    .filter((m) => !m.retired)
                    .map((m) => (
                      <Checkbox
                        key={m.code}
                        id={`call-measure-${m.code}`}
                        checked={v.measures.includes(m.code)}
                        label={`${m.code} — ${lang === 'en' && m.title_en ? m.title_en : m.title}`}
                        onChange={(on) => form.set('measures', toggle(v.measures, m.code, on))}
                      />
                    )),
                )}
              </>
            )}
          </ResourceView>
          {errors.measures && (
            <div class="fr-messages-group" id="call-measures-error">
              <p class="fr-message fr-message--error">{errors.measures}</p>
            </div>
          )}
        </fieldset>
        <fieldset class={`fr-fieldset${errors.organisations || errors.org_types ? ' fr-fieldset--error' : ''}`} aria-labelledby="call-types-legend" aria-describedby={errors.organisations || errors.org_types ? 'call-who-error' : undefined}>
          <legend class="fr-fieldset__legend" id="call-types-legend" tabIndex={-1}>
            {t('diag.calls.who')}
            <span class="fr-hint-text">{t('diag.calls.who_hint')}</span>
          </legend>
          {ACTOR_TYPES.filter((a) => a !== 'coordination').map((a) => (
            <Checkbox key={a} id={`call-type-${a}`} checked={chosenTypes.has(a)} label={t('diag.calls.every', { type: t(`orgtype.${a}` as MessageKey) })} onChange={(on) => form.set('org_types', toggle(v.org_types, a, on))} />
          ))}
          <ResourceView resource={orgs}>
            {({ organisations }) => (
              <>
                {organisations
                  .filter((o) => o.type !== 'coordination' && !chosenTypes.has(o.type))
                  .map((o) => (
                    <Checkbox key={o.code} id={`call-org-${o.code}`} checked={v.organisations.includes(o.code)} label={`${o.name} (${o.code})`} onChange={(on) => form.set('organisations', toggle(v.organisations, o.code, on))} />
                  ))}
              </>
            )}
          </ResourceView>
          {(errors.organisations || errors.org_types) && (
            <div class="fr-messages-group" id="call-who-error">
              <p class="fr-message fr-message--error">{errors.organisations ?? errors.org_types}</p>
            </div>
          )}
        </fieldset>
        <button class="fr-btn" type="submit" disabled={form.busy}>{t('diag.calls.open')}</button>
      </form>
    </details>
  );
}

function CallDetail({ me, id, onChange }: { me: Me; id: number; onChange: () => void }) {
  const { t } = useI18n();
  const call = useResource<Call>(`/api/v1/diagnostic-calls/${id}`);
  // Organisations by name where the directory can be read; their codes otherwise.
  const orgs = useResource<{ organisations: Organisation[] }>(can(me, 'organisation.list', 'none') ? '/api/v1/organisations' : null);
  const nameOf = (code: string) => orgs.data?.organisations.find((o) => o.code === code)?.name ?? code;
  const [error, setError] = useState('');
  const close = async () => {
    setError('');
    try {
      await sendJson('POST', `/api/v1/diagnostic-calls/${id}/close`, {}, me.csrf_token);
      await call.reload();
      onChange();
    } catch (err) {
      setError(failureMessage(err, t));
    }
  };
  return (
    <div class="fr-mt-2w">
      <ResourceView resource={call}>
        {(c) => (
          <>
            {error && (
              <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
                <p>{error}</p>
              </div>
            )}
            <div class="fr-table fr-table--sm">
              <table>
                <caption>{t('diag.calls.by_org', { label: c.label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('diag.calls.organisation')}</th>
                    <th scope="col">{t('diag.calls.answered')}</th>
                    <th scope="col">{t('diag.calls.owed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(c.by_organisation ?? []).map((o) => (
                    <tr key={o.organisation} data-testid={`call-${c.id}-org-${o.organisation}`}>
                      <th scope="row">{nameOf(o.organisation)}</th>
                      <td>{o.answered.length ? o.answered.join(', ') : '—'}</td>
                      <td>
                        {o.owed.length === 0
                          ? t('diag.calls.nothing_owed')
                          : o.organisation === me.organisation.code && !c.closed_at
                            ? o.owed.map((m, i) => (
                                <>
                                  {i > 0 && ', '}
                                  <a href={`/diagnostics/nouveau?mesure=${encodeURIComponent(m)}`} aria-label={t('diag.calls.write_for', { measure: m })}>{m}</a>
                                </>
                              ))
                            : o.owed.join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!c.closed_at && can(me, 'diagnostic.call_manage', 'none') && (
              <>
                <p class="fr-hint-text">{t('diag.calls.close_hint')}</p>
                <button class="fr-btn fr-btn--secondary" type="button" onClick={close}>
                  {t('diag.calls.close')}
                </button>
              </>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}

export function CallsPage() {
  return <MemberPage>{(me) => <Calls me={me} />}</MemberPage>;
}

function Calls({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const calls = useResource<{ calls: (Call & { owed_by_my_organisation?: string[] })[] }>('/api/v1/diagnostic-calls', { isEmpty: (r) => r.calls.length === 0 });
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('diag.calls.heading')}</h1>
      <p>{t('diag.calls.lead')}</p>
      {/* Open at first; folded once there are calls, so that they come first. */}
      {can(me, 'diagnostic.call_manage', 'none') && calls.status !== 'loading' && <OpenCallForm me={me} onOpened={calls.reload} open={!calls.data || calls.data.calls.length === 0} />}
      <ResourceView resource={calls} empty={<p data-testid="calls-none">{t('diag.calls.none')}</p>}>
        {({ calls: list }) => (
          <>
            {list.map((c) => (
              <section key={c.id} class="vigie-action fr-p-3w fr-mb-3w" aria-labelledby={`call-${c.id}`} data-testid={`call-${c.id}`}>
                <h2 id={`call-${c.id}`} class="fr-h5">{c.label}</h2>
                <p>
                  {c.closed_at ? (
                    <span class="fr-badge fr-badge--sm">{t('diag.calls.closed', { date: formatDate(c.closed_at, lang) })}</span>
                  ) : (
                    <span class="fr-badge fr-badge--sm fr-badge--info">{t('diag.calls.status_open')}</span>
                  )}{' '}
                  {t('diag.calls.due', { date: formatDate(c.deadline, lang) })} · {t('diag.calls.on_measures', { measures: c.measures.join(', ') })}
                </p>
                <ProgressBar value={share(c)} label={t('diag.calls.completion_of', { label: c.label })} />
                <p class="fr-text--sm" data-testid={`call-${c.id}-count`}>
                  {t('diag.calls.answered_of', { answered: String(c.answered), owed: String(c.owed), organisations: String(c.organisations) })}
                </p>
                {/* What the caller's organisation owes, each a link to write it, on the call itself. */}
                {!c.closed_at && (c.owed_by_my_organisation ?? []).length > 0 && (
                  <div class="fr-mb-2w" data-testid={`call-${c.id}-mine`}>
                    <p class="fr-mb-1v">{t('diag.calls.yours', { n: c.owed_by_my_organisation!.length })}</p>
                    <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                      {c.owed_by_my_organisation!.map((m) => (
                        <li key={m}>
                          <a class="fr-btn fr-btn--sm" href={`/diagnostics/nouveau?mesure=${encodeURIComponent(m)}`}>
                            {t('diag.calls.write_for', { measure: m })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                  {t('diag.calls.details')}
                </button>
                {open === c.id && <CallDetail me={me} id={c.id} onChange={calls.reload} />}
              </section>
            ))}
          </>
        )}
      </ResourceView>
    </div>
  );
}
