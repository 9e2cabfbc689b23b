// The coordination's edits of one measure: its titles and weight, its place in the axis,
// retiring it (never deleting), and its actions (weight, pilots, deadline, cost…).
import { useState } from 'preact/hooks';
import { FormAlerts } from '../components/form-alerts';
import { FormField } from '../components/form-field';
import { useI18n, type MessageKey } from '../i18n';
import type { Me } from '../session';
import { errorsByField, pilotCodes, sendJson } from './api';
import type { ActionView, MeasureView } from './types';

// A form's state, its submission and its field errors.
function useEditForm<T extends Record<string, string>>(initial: T) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const run = async (send: () => Promise<unknown>, after: () => void) => {
    setSaved(false);
    try {
      await send();
      setErrors({});
      setSaved(true);
      after();
    } catch (err) {
      setErrors(errorsByField(err, t, lang));
    }
  };
  const field = (name: keyof T & string, labelKey: MessageKey, idPrefix: string, hint?: string) => (
    <FormField id={`${idPrefix}-${name}`} label={t(labelKey)} hint={hint} value={values[name]} error={errors[name]} onInput={(v) => setValues({ ...values, [name]: v })} />
  );
  return { values, setValues, errors, saved, run, field };
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
  const f = useEditForm({
    title: action.title,
    weight: String(action.weight ?? 1),
    pilots: action.pilots.join(' '),
    deadline: action.deadline ?? '',
    cost_eur: action.cost_eur == null ? '' : String(action.cost_eur),
    funding: action.funding ?? '',
    official_text_url: action.official_text_url ?? '',
  });
  const prefix = `edit-action-${action.id}`;
  return (
    <details class="fr-mt-2w">
      <summary>{t('plan.edit_action')}</summary>
      <form noValidate aria-label={`${t('plan.edit_action')} ${action.title}`} onSubmit={(e) => { e.preventDefault(); f.run(() => sendJson('PATCH', `/api/v1/actions/${action.id}`, actionBody(f.values), me.csrf_token), onDone); }}>
        <FormAlerts success={f.saved && t('plan.changes_saved')} errors={f.errors} summary={t('login.fix_fields')} />
        {f.field('title', 'plan.action_title', prefix)}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">{f.field('weight', 'plan.weight', prefix)}</div>
          <div class="fr-col-12 fr-col-md-5">{f.field('pilots', 'plan.pilots_codes', prefix)}</div>
          <div class="fr-col-12 fr-col-md-4">{f.field('deadline', 'plan.deadline_date', prefix)}</div>
        </div>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">{f.field('cost_eur', 'plan.cost', prefix)}</div>
          <div class="fr-col-12 fr-col-md-4">{f.field('funding', 'plan.funding', prefix)}</div>
          <div class="fr-col-12 fr-col-md-5">{f.field('official_text_url', 'plan.official_text', prefix)}</div>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit">{t('plan.save')}</button>
      </form>
    </details>
  );
}

export function AddAction({ me, measure, onDone }: { me: Me; measure: MeasureView; onDone: () => void }) {
  const { t } = useI18n();
  const empty = { title: '', weight: '1', pilots: '', deadline: '', cost_eur: '', funding: '', official_text_url: '' };
  const f = useEditForm(empty);
  const prefix = 'new-action';
  return (
    <details class="fr-mb-3w">
      <summary>{t('plan.add_action')}</summary>
      <form noValidate aria-label={t('plan.add_action')} onSubmit={(e) => { e.preventDefault(); f.run(() => sendJson('POST', `/api/v1/measures/${encodeURIComponent(measure.code)}/actions`, actionBody(f.values), me.csrf_token), () => { f.setValues(empty); onDone(); }); }}>
        <FormAlerts success={f.saved && t('plan.changes_saved')} errors={f.errors} summary={t('login.fix_fields')} />
        {f.field('title', 'plan.action_title', prefix)}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">{f.field('weight', 'plan.weight', prefix)}</div>
          <div class="fr-col-12 fr-col-md-5">{f.field('pilots', 'plan.pilots_codes', prefix)}</div>
          <div class="fr-col-12 fr-col-md-4">{f.field('deadline', 'plan.deadline_date', prefix)}</div>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit">{t('plan.add_action')}</button>
      </form>
    </details>
  );
}

export function MeasureEditor({ me, measure, weight, onDone }: { me: Me; measure: MeasureView; weight: number; onDone: () => void }) {
  const { t } = useI18n();
  const f = useEditForm({ title_fr: measure.title, title_en: measure.title_en, weight: String(weight) });
  const patch = (body: unknown) => f.run(() => sendJson('PATCH', `/api/v1/measures/${encodeURIComponent(measure.code)}`, body, me.csrf_token), onDone);
  const prefix = 'edit-measure';
  return (
    <details class="fr-mb-3w">
      <summary>{t('plan.edit_measure')}</summary>
      <form noValidate aria-label={t('plan.edit_measure')} onSubmit={(e) => { e.preventDefault(); patch({ title_fr: f.values.title_fr, title_en: f.values.title_en, weight: Number(f.values.weight) }); }}>
        <FormAlerts success={f.saved && t('plan.changes_saved')} errors={f.errors} summary={t('login.fix_fields')} />
        {f.field('title_fr', 'plan.title_fr', prefix)}
        {f.field('title_en', 'plan.title_en', prefix)}
        {f.field('weight', 'plan.weight', prefix)}
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
