// Field signals (/terrain/signaux): those the caller may read (its organisation's, those shared
// with it or with the committee; the coordinator: all), with their dated, signed history; the
// form that sends one (organisations that record); and, for the coordinator, the moves each
// signal may make next (acknowledge, share, close).
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { asApiError, postJson } from '../../kit/api';
import { formatDate } from '../../kit/dates';
import { failureMessage } from '../../kit/field-errors';
import { FormField, SelectField, TextAreaField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { Container, FieldTabs, reporter, useCodeLabel, type Codes, type Signal } from './shared';

export function SignalsPage() {
  return <MemberPage>{(me) => <Signals me={me} />}</MemberPage>;
}

// The ISO week of `now`, "2026-W49": the week of its Thursday, counted from that year's first.
export function isoWeek(now: Date = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const week = Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
const thisWeek = () => isoWeek();

// "2026-W22" as the user reads it: "semaine 22 de 2026", "week 22 of 2026".
export function useWeekLabel() {
  const { t } = useI18n();
  return (w: string) => {
    const m = /^(\d{4})-W(\d{2})$/.exec(w);
    return m ? t('field.s.week_title', { week: String(Number(m[2])), year: m[1] }) : w;
  };
}

function Signals({ me }: { me: Me }) {
  const { t } = useI18n();
  const list = useResource<{ signals: Signal[] }>('/api/v1/field/signals', { isEmpty: (x) => x.signals.length === 0 });
  const codes = useResource<Codes>('/api/v1/field/codes');
  const names: Record<string, string> = Object.fromEntries((codes.data?.departements ?? []).map((d) => [d.code, `${d.name} (${d.code})`]));
  return (
    <Container>
      <h1>{t('field.signals.heading')}</h1>
      <FieldTabs me={me} current="/terrain/signaux" />
      <p>{t('field.signals.lead')}</p>
      {reporter(me) && <ResourceView resource={codes}>{(c) => <SignalForm me={me} codes={c} onSent={list.reload} />}</ResourceView>}
      <ResourceView resource={list} empty={<p>{t('field.signals.none')}</p>}>
        {(x) => (
          <ul class="fr-raw-list" data-testid="field-signals" aria-label={t('field.signals.caption')}>
            {x.signals.map((s) => (
              <SignalCard key={s.id} me={me} signal={s} names={names} onMoved={list.reload} />
            ))}
          </ul>
        )}
      </ResourceView>
    </Container>
  );
}

const SEVERITY_BADGE: Record<string, string> = { info: 'fr-badge--info', concern: 'fr-badge--warning', urgent: 'fr-badge--error' };

function SignalCard({ me, signal: s, names, onMoved }: { me: Me; signal: Signal; names: Record<string, string>; onMoved: () => void }) {
  const { t, lang } = useI18n();
  const label = useCodeLabel();
  const week = useWeekLabel();
  const [withText, setWith] = useState('committee');
  const [failure, setFailure] = useState('');
  const mover = can(me, 'field.signal_transition', 'none');
  const move = async (to: string) => {
    setFailure('');
    try {
      const w = withText.split(/[\s,;]+/).filter(Boolean);
      await postJson(`/api/v1/field/signals/${s.id}/transitions`, to === 'shared' ? { to, with: w } : { to }, me.csrf_token);
      onMoved();
    } catch (err) {
      const e = asApiError(err);
      setFailure(e.fieldErrors[0]?.message ?? failureMessage(err, t));
    }
  };
  return (
    <li class="fr-card fr-card--no-arrow fr-mb-2w" data-testid={`signal-${s.id}`}>
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h2 class="fr-card__title fr-h6">
            {label('kind', s.kind)} — {s.territory === 'national' ? t('field.s.national') : (names[s.territory] ?? s.territory)}, {week(s.week)} ({s.organisation})
          </h2>
          <p class="fr-card__desc">{s.description}</p>
          <ul class="fr-badges-group">
            <li>
              <p class={`fr-badge fr-badge--sm ${SEVERITY_BADGE[s.severity] ?? ''}`}>{label('severity', s.severity)}</p>
            </li>
            <li>
              <p class="fr-badge fr-badge--sm" data-testid="signal-state">{label('state', s.state)}</p>
            </li>
            {s.forms.map((f) => (
              <li key={f}>
                <p class="fr-badge fr-badge--sm fr-badge--no-icon">{label('form', f)}</p>
              </li>
            ))}
          </ul>
          {s.transitions.length > 0 && (
            <ol class="fr-text--sm">
              {s.transitions.map((x, i) => (
                <li key={i}>{t('field.history', { state: label('state', x.to), date: formatDate(x.at, lang), org: x.by_organisation })}</li>
              ))}
            </ol>
          )}
          {mover && s.allowed_transitions.length > 0 && (
            <div class="fr-mt-2w">
              {s.allowed_transitions.includes('shared') && <FormField id={`signal-${s.id}-with`} label={t('field.move.with')} value={withText} onInput={setWith} />}
              <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                {s.allowed_transitions.map((to) => (
                  <li key={to}>
                    <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => move(to)}>
                      {t(`field.move.${to}` as 'field.move.closed')}
                    </button>
                  </li>
                ))}
              </ul>
              {failure && (
                <p class="fr-error-text" role="alert">
                  {failure}
                </p>
              )}
            </div>
          )}
        </div>
      </div>
    </li>
  );
}

type Values = { week: string; territory: string; form: string; kind: string; severity: string; description: string };

function SignalForm({ me, codes, onSent }: { me: Me; codes: Codes; onSent: () => void }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const blank = (): Values => ({ week: thisWeek(), territory: codes.departements.some((d) => d.code === me.organisation.territory) ? me.organisation.territory : 'national', form: '', kind: '', severity: 'info', description: '' });
  const form = useForm<Values>(blank);
  const v = form.values;
  const e = form.errors;
  const choose = { value: '', label: t('field.choose') };
  const territories = [{ value: 'national', label: t('field.s.national') }, ...codes.departements.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))];
  // The summary's links: each field's control ("forms/0" is the form select).
  const ids: Record<string, string> = { week: 'week', territory: 'territory', forms: 'form', kind: 'kind', severity: 'severity', description: 'description' };
  const onSubmit = form.submit(
    (x) => postJson('/api/v1/field/signals', { week: x.week, territory: x.territory, forms: x.form ? [x.form] : [], kind: x.kind, severity: x.severity, description: x.description }, me.csrf_token),
    {
      onSuccess: () => {
        form.setValues(blank());
        onSent();
      },
    },
  );
  return (
    <details class="fr-mb-4w">
      <summary class="fr-btn fr-btn--secondary">{t('field.signals.new')}</summary>
      <form noValidate onSubmit={onSubmit} class="fr-mt-2w" data-testid="field-signal-form">
        <FormSummary form={form} idOf={(f) => ids[f.split('/')[0]] ?? null} success={form.saved ? t('field.s.sent') : undefined} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <FormField id="week" type="week" label={t('field.s.week')} hint={t('field.s.week_hint', { week: thisWeek() })} value={v.week} error={e.week} onInput={(x) => form.set('week', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <SelectField id="territory" label={t('field.s.territory')} value={v.territory} error={e.territory} options={territories} onChange={(x) => form.set('territory', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <SelectField id="form" label={t('field.s.form')} value={v.form} error={e.forms} options={[choose, ...codes.forms.map((f) => ({ value: f, label: label('form', f) }))]} onChange={(x) => form.set('form', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <SelectField id="kind" label={t('field.s.kind')} value={v.kind} error={e.kind} options={[choose, ...codes.signal_kinds.map((k) => ({ value: k, label: label('kind', k) }))]} onChange={(x) => form.set('kind', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <SelectField id="severity" label={t('field.s.severity')} value={v.severity} error={e.severity} options={codes.severities.map((k) => ({ value: k, label: label('severity', k) }))} onChange={(x) => form.set('severity', x)} />
          </div>
        </div>
        <TextAreaField id="description" label={t('field.s.description')} hint={t('field.f.note_hint')} value={v.description} error={e.description} findings={form.findings.description} maxChars={5000} onInput={(x) => form.set('description', x)} />
        <button class="fr-btn fr-mt-2w" type="submit" disabled={form.busy}>
          {t('field.s.send')}
        </button>
      </form>
    </details>
  );
}
