// The coordination's edits of one measure: its titles and weight, its place in the axis,
// retiring it (never deleting), and its actions (weight, pilots, deadline, cost…).
import { useI18n, type MessageKey } from '../../i18n';
import { sendJson } from '../../kit/api';
import { FormField } from '../../kit/fields';
import { FormSummary, useForm, type Form } from '../../kit/form';
import type { Me } from '../../session';
import { pilotCodes } from './spreadsheet';
import type { ActionView, MeasureView } from './types';

// A text field of one of these forms, its id "<prefix>-<name>" (the summary links to it).
function useField<T extends Record<string, string>>(f: Form<T>, idPrefix: string) {
  const { t } = useI18n();
  return (name: keyof T & string, labelKey: MessageKey, hint?: string) => (
    <FormField id={`${idPrefix}-${name}`} label={t(labelKey)} hint={hint} value={f.values[name]} error={f.errors[name]} onInput={(v) => f.set(name, v as T[typeof name])} />
  );
}

const actionBody = (v: Record<string, string>) => ({
  title: v.title,
  weight: Number(v.weight),
  pilots: pilotCodes(v.pilots),
  deadline: v.deadline,
  cost_eur: v.cost_eur.trim() === '' ? null : Number(v.cost_eur),
  funding: v.funding,
  official_text_url: v.official_text_url,
});

export function ActionEditor({ me, action, onDone }: { me: Me; action: ActionView; onDone: () => void }) {
  const { t } = useI18n();
  const f = useForm({
    title: action.title,
    weight: String(action.weight ?? 1),
    pilots: action.pilots.join(' '),
    deadline: action.deadline ?? '',
    cost_eur: action.cost_eur == null ? '' : String(action.cost_eur),
    funding: action.funding ?? '',
    official_text_url: action.official_text_url ?? '',
  });
  const prefix = `edit-action-${action.id}`;
  const field = useField(f, prefix);
  return (
    <details class="fr-mt-2w">
      <summary>{t('plan.edit_action')}</summary>
      <form noValidate aria-label={`${t('plan.edit_action')} ${action.title}`} onSubmit={(e) => { e.preventDefault(); f.submit((v) => sendJson('PATCH', `/api/v1/actions/${action.id}`, actionBody(v), me.csrf_token), { onSuccess: onDone })(); }}>
        <FormSummary form={f} idOf={(n) => `${prefix}-${n}`} success={f.saved && t('plan.changes_saved')} />
        {field('title', 'plan.action_title')}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">{field('weight', 'plan.weight')}</div>
          <div class="fr-col-12 fr-col-md-5">{field('pilots', 'plan.pilots_codes')}</div>
          <div class="fr-col-12 fr-col-md-4">{field('deadline', 'plan.deadline_date')}</div>
        </div>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">{field('cost_eur', 'plan.cost')}</div>
          <div class="fr-col-12 fr-col-md-4">{field('funding', 'plan.funding')}</div>
          <div class="fr-col-12 fr-col-md-5">{field('official_text_url', 'plan.official_text')}</div>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit">{t('plan.save')}</button>
      </form>
    </details>
  );
}

export function AddAction({ me, measure, onDone }: { me: Me; measure: MeasureView; onDone: () => void }) {
  const { t } = useI18n();
  const empty = { title: '', weight: '1', pilots: '', deadline: '', cost_eur: '', funding: '', official_text_url: '' };
  const f = useForm(empty);
  const prefix = 'new-action';
  const field = useField(f, prefix);
  return (
    <details class="fr-mb-3w">
      <summary>{t('plan.add_action')}</summary>
      <form noValidate aria-label={t('plan.add_action')} onSubmit={(e) => { e.preventDefault(); f.submit((v) => sendJson('POST', `/api/v1/measures/${encodeURIComponent(measure.code)}/actions`, actionBody(v), me.csrf_token), { onSuccess: () => { f.setValues(empty); onDone(); } })(); }}>
        <FormSummary form={f} idOf={(n) => `${prefix}-${n}`} success={f.saved && t('plan.changes_saved')} />
        {field('title', 'plan.action_title')}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">{field('weight', 'plan.weight')}</div>
          <div class="fr-col-12 fr-col-md-5">{field('pilots', 'plan.pilots_codes')}</div>
          <div class="fr-col-12 fr-col-md-4">{field('deadline', 'plan.deadline_date')}</div>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit">{t('plan.add_action')}</button>
      </form>
    </details>
  );
}

export function MeasureEditor({ me, measure, weight, onDone }: { me: Me; measure: MeasureView; weight: number; onDone: () => void }) {
  const { t } = useI18n();
  const f = useForm({ title_fr: measure.title, title_en: measure.title_en, weight: String(weight) });
  const patch = (body: unknown) => f.submit(() => sendJson('PATCH', `/api/v1/measures/${encodeURIComponent(measure.code)}`, body, me.csrf_token), { onSuccess: onDone })();
  const prefix = 'edit-measure';
  const field = useField(f, prefix);
  return (
    <details class="fr-mb-3w">
      <summary>{t('plan.edit_measure')}</summary>
      <form noValidate aria-label={t('plan.edit_measure')} onSubmit={(e) => { e.preventDefault(); patch({ title_fr: f.values.title_fr, title_en: f.values.title_en, weight: Number(f.values.weight) }); }}>
        <FormSummary form={f} idOf={(n) => `${prefix}-${n}`} success={f.saved && t('plan.changes_saved')} />
        {field('title_fr', 'plan.title_fr')}
        {field('title_en', 'plan.title_en')}
        {field('weight', 'plan.weight')}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit">{t('plan.save')}</button></li>
          <li><button class="fr-btn fr-btn--tertiary" type="button" onClick={() => patch({ move: -1 })}>{t('plan.move_up')}</button></li>
          <li><button class="fr-btn fr-btn--tertiary" type="button" onClick={() => patch({ move: 1 })}>{t('plan.move_down')}</button></li>
          <li>
            <button class="fr-btn fr-btn--secondary" type="button" onClick={() => patch({ retired: !measure.retired })}>
              {measure.retired ? t('plan.restore') : t('plan.retire')}
            </button>
          </li>
        </ul>
        <p class="fr-hint-text">{t('plan.retire_hint')}</p>
      </form>
    </details>
  );
}
