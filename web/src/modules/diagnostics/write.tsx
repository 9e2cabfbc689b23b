// Writing a diagnostic: a new one (/diagnostics/nouveau?mesure=A4.a) or a change to one
// (/diagnostics/:id/modifier): a draft changes in place, a published one becomes a new draft
// version. "Publish" saves then publishes. A refused submit keeps every value typed, marks the
// fields in error and focuses the summary (useForm); the texts are checked live by the guard.
import { useRef } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson, sendJson } from '../../kit/api';
import { FormField, SelectField } from '../../kit/fields';
import { FormSummary, useFocusLater, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { navigate } from '../../router';
import type { Me } from '../../session';
import type { PlanView } from '../plan/types';
import { periodLabel } from './format';
import { GuardedText } from './guarded-text';
import { RATINGS, TERRITORIES, TEXT_LIMIT, periodChoices, type Diagnostic, type Evidence, type Rating, type Visibility } from './types';

type Values = {
  measure: string;
  territory: string;
  period: string;
  rating: Rating | '';
  strengths: string;
  obstacles: string;
  recommendations: string;
  evidence: Evidence[];
  visibility: Visibility;
};

const TEXTS = ['strengths', 'obstacles', 'recommendations'] as const;

export function NewDiagnosticPage() {
  const measure = new URLSearchParams(window.location.search).get('mesure') ?? '';
  return <MemberPage>{(me) => <WritePage me={me} initial={blank(me, measure)} />}</MemberPage>;
}

export function EditDiagnosticPage({ id }: { id: string }) {
  return <MemberPage>{(me) => <EditOf me={me} id={id} />}</MemberPage>;
}

function EditOf({ me, id }: { me: Me; id: string }) {
  const { t } = useI18n();
  const d = useResource<Diagnostic>(`/api/v1/diagnostics/${encodeURIComponent(id)}`);
  return (
    <ResourceView resource={d} notFound={<Container><h1>{t('diag.edit.heading')}</h1><p>{t('diag.not_found')}</p></Container>}>
      {(x) => <WritePage me={me} existing={x} initial={fromDiagnostic(x)} />}
    </ResourceView>
  );
}

const Container = ({ children }: { children: preact.ComponentChildren }) => <div class="fr-container fr-my-6w">{children}</div>;

function blank(me: Me, measure: string): Values {
  const territory = TERRITORIES.some((x) => x.code === me.organisation.territory) ? me.organisation.territory : 'national';
  return { measure, territory, period: String(new Date().getUTCFullYear()), rating: '', strengths: '', obstacles: '', recommendations: '', evidence: [], visibility: 'committee' };
}

function fromDiagnostic(d: Diagnostic): Values {
  return { measure: d.measure, territory: d.territory, period: d.period, rating: d.rating, strengths: d.strengths, obstacles: d.obstacles, recommendations: d.recommendations, evidence: d.evidence.map((e) => ({ ...e })), visibility: d.visibility };
}

const fieldId = (f: string) => (f === 'rating' ? 'diag-rating-not_implemented' : f === 'visibility' ? 'diag-visibility-committee' : f === 'evidence' ? 'diag-evidence-add' : `diag-${f.replaceAll('/', '-')}`);

function WritePage({ me, initial, existing }: { me: Me; initial: Values; existing?: Diagnostic }) {
  const { t, lang } = useI18n();
  const plan = useResource<PlanView>('/api/v1/plan');
  const form = useForm<Values>(initial, ['evidence']);
  const focusLater = useFocusLater();
  const { values: v, errors } = form;
  // The draft this page saved, so a publish refused after the save changes it instead of
  // creating another.
  const saved = useRef<Diagnostic | null>(existing && existing.state === 'draft' ? existing : null);

  const validate = () => {
    const e: Record<string, string> = {};
    if (!v.measure) e.measure = t('error.required.measure');
    if (!v.rating) e.rating = t('error.required.rating');
    for (const f of TEXTS) if ([...v[f]].length > TEXT_LIMIT) e[f] = t('diag.count_over', { n: [...v[f]].length, over: [...v[f]].length - TEXT_LIMIT, max: TEXT_LIMIT });
    return e;
  };
  const body = (x: Values) => ({ ...x, evidence: x.evidence.filter((e) => e.url.trim() || e.label.trim() || e.figure.trim() || e.source.trim()) });
  const save = async (x: Values): Promise<Diagnostic> => {
    const base = saved.current ?? existing;
    const d = base
      ? await sendJson<Diagnostic>('PATCH', `/api/v1/diagnostics/${base.id}`, body(x), me.csrf_token)
      : await postJson<Diagnostic>('/api/v1/diagnostics', body(x), me.csrf_token);
    saved.current = d;
    return d;
  };
  const onSave = form.submit(save, { validate, onSuccess: (d) => navigate(`/diagnostics/${d.id}?enregistre=1`) });
  const onPublish = form.submit(
    async (x) => {
      const d = await save(x);
      return postJson<Diagnostic>(`/api/v1/diagnostics/${d.id}/publish`, {}, me.csrf_token);
    },
    { validate, onSuccess: (d) => navigate(`/diagnostics/${d.id}?publie=1`) },
  );

  const setEvidence = (i: number, part: keyof Evidence, value: string) => form.set('evidence', v.evidence.map((e, j) => (j === i ? { ...e, [part]: value } : e)));
  const measures = plan.data?.axes.flatMap((a) => a.measures.filter((m) => !m.retired || m.code === v.measure)) ?? [];
  // The cross-cutting themes (transversal axes): a diagnostic may be on one as a whole.
  const themes = plan.data?.axes.filter((a) => a.kind === 'transversal') ?? [];
  const title = (m: { title: string; title_en: string }) => (lang === 'en' && m.title_en ? m.title_en : m.title);
  const heading = existing ? t('diag.edit.heading') : t('diag.new.heading');
  // A clean live check clears the server's refusal of that field (the text was fixed); a live
  // finding shows under the field only, not in the summary, until the user submits.
  const onLive = (f: string) => (message: string | null) => {
    if (message === null && errors[f]) {
      const next = { ...errors };
      delete next[f];
      form.setErrors(next);
    }
  };

  return (
    <Container>
      <h1>{heading}</h1>
      <p class="fr-text--lead">{t('diag.new.lead')}</p>
      {existing && existing.state === 'published' && (
        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
          <p>{t('diag.edit.new_version')}</p>
        </div>
      )}
      <form onSubmit={onSave} noValidate aria-label={heading}>
        <FormSummary form={form} idOf={fieldId} />
        {plan.status !== 'ready' && <ResourceView resource={plan}>{() => null}</ResourceView>}
        <SelectField
          id="diag-measure"
          label={t('diag.field.measure')}
          value={v.measure}
          error={errors.measure}
          hint={t('diag.field.measure_hint')}
          options={[
            { value: '', label: t('diag.field.measure_choose') },
            ...measures.map((m) => ({ value: m.code, label: `${m.code} — ${title(m)}` })),
            ...themes.map((a) => ({ value: a.code, label: t('diag.theme_option', { code: a.code, title: title(a) }) })),
          ]}
          onChange={(x) => form.set('measure', x)}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <TerritorySelect id="diag-territory" label={t('diag.field.territory')} hint={t('diag.field.territory_hint')} value={v.territory} error={errors.territory} onChange={(x) => form.set('territory', x)} />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <SelectField
              id="diag-period"
              label={t('diag.field.period')}
              hint={t('diag.field.period_hint')}
              value={v.period}
              error={errors.period}
              options={[...new Set([v.period, ...periodChoices()])].map((p) => ({ value: p, label: periodLabel(p, t) }))}
              onChange={(x) => form.set('period', x)}
            />
          </div>
        </div>
        <Radios
          name="diag-rating"
          legend={t('diag.field.rating')}
          value={v.rating}
          error={errors.rating}
          options={RATINGS.map((r) => ({ value: r, label: t(`diag.rating.${r}` as MessageKey) }))}
          inline
          onChange={(x) => form.set('rating', x as Rating)}
        />
        {TEXTS.map((f) => (
          <GuardedText
            key={f}
            id={`diag-${f}`}
            name={f}
            label={t(`diag.field.${f}` as MessageKey)}
            hint={t('diag.field.text_hint')}
            value={v[f]}
            error={errors[f]}
            limit={TEXT_LIMIT}
            onInput={(x) => form.set(f, x)}
            onCheck={onLive(f)}
          />
        ))}
        <fieldset class={`fr-fieldset${errors.evidence ? ' fr-fieldset--error' : ''}`} aria-labelledby="diag-evidence-legend" aria-describedby={errors.evidence ? 'diag-evidence-error' : undefined}>
          <legend class="fr-fieldset__legend" id="diag-evidence-legend">
            {t('diag.field.evidence')}
            <span class="fr-hint-text">{t('diag.field.evidence_hint')}</span>
          </legend>
          {v.evidence.map((e, i) => (
            <div class="fr-fieldset__element vigie-evidence-row" key={i}>
              <FormField id={`diag-evidence-${i}-label`} label={t('diag.field.evidence_label', { n: i + 1 })} value={e.label} error={errors[`evidence/${i}/label`]} onInput={(x) => setEvidence(i, 'label', x)} />
              <FormField id={`diag-evidence-${i}-url`} label={t('diag.field.evidence_url', { n: i + 1 })} hint={t('diag.field.evidence_url_hint')} type="url" value={e.url} error={errors[`evidence/${i}/url`]} onInput={(x) => setEvidence(i, 'url', x)} />
              <FormField id={`diag-evidence-${i}-figure`} label={t('diag.field.evidence_figure', { n: i + 1 })} hint={t('diag.field.evidence_figure_hint')} value={e.figure} error={errors[`evidence/${i}/figure`]} onInput={(x) => setEvidence(i, 'figure', x)} />
              <FormField id={`diag-evidence-${i}-source`} label={t('diag.field.evidence_source', { n: i + 1 })} hint={t('diag.field.evidence_source_hint')} value={e.source} error={errors[`evidence/${i}/source`]} onInput={(x) => setEvidence(i, 'source', x)} />
              <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => {
                form.set('evidence', v.evidence.filter((_, j) => j !== i));
                focusLater('diag-evidence-add');
              }}>
                {t('diag.evidence.remove', { n: i + 1 })}
              </button>
            </div>
          ))}
          <div class="fr-fieldset__element">
            <button type="button" id="diag-evidence-add" class="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => {
                form.set('evidence', [...v.evidence, { url: '', label: '', figure: '', source: '' }]);
                focusLater(`diag-evidence-${v.evidence.length}-label`);
              }}>
              {t('diag.evidence.add')}
            </button>
          </div>
          {errors.evidence && (
            <div class="fr-messages-group" id="diag-evidence-error">
              <p class="fr-message fr-message--error">{errors.evidence}</p>
            </div>
          )}
        </fieldset>
        <Radios
          name="diag-visibility"
          legend={t('diag.field.visibility')}
          value={v.visibility}
          error={errors.visibility}
          options={(['committee', 'coordination'] as const).map((x) => ({ value: x, label: t(`diag.visibility.${x}`) }))}
          onChange={(x) => form.set('visibility', x as Visibility)}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button class="fr-btn" type="button" disabled={form.busy} onClick={() => onPublish()}>
              {t('diag.publish')}
            </button>
          </li>
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
              {t('diag.save_draft')}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--tertiary" href={existing ? `/diagnostics/${existing.id}` : '/diagnostics'}>
              {t('diag.cancel')}
            </a>
          </li>
        </ul>
      </form>
    </Container>
  );
}

// DSFR radio buttons in a fieldset, the error under the group.
export function Radios(p: { name: string; legend: string; value: string; error?: string; options: { value: string; label: string }[]; inline?: boolean; onChange: (v: string) => void }) {
  const err = `${p.name}-error`;
  return (
    <fieldset class={`fr-fieldset fr-mt-3w${p.error ? ' fr-fieldset--error' : ''}`} id={p.name} aria-labelledby={`${p.name}-legend${p.error ? ` ${err}` : ''}`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${p.name}-legend`}>
        {p.legend}
      </legend>
      {p.options.map((o) => (
        <div class={`fr-fieldset__element${p.inline ? ' fr-fieldset__element--inline' : ''}`} key={o.value}>
          <div class="fr-radio-group">
            <input type="radio" id={`${p.name}-${o.value}`} name={p.name} value={o.value} checked={p.value === o.value} onChange={() => p.onChange(o.value)} />
            <label class="fr-label" for={`${p.name}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      {p.error && (
        <div class="fr-messages-group" id={err} aria-live="polite">
          <p class="fr-message fr-message--error">{p.error}</p>
        </div>
      )}
    </fieldset>
  );
}

// National, the regions and the départements, grouped.
export function TerritorySelect(p: { id: string; label: string; hint?: string; value: string; error?: string; allLabel?: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const group = (level: 'region' | 'departement') => TERRITORIES.filter((x) => x.level === level);
  return (
    <div class={`fr-select-group${p.error ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={p.id}>
        {p.label}
        {p.hint && <span class="fr-hint-text">{p.hint}</span>}
      </label>
      <select class={`fr-select${p.error ? ' fr-select--error' : ''}`} id={p.id} value={p.value} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${p.id}-error` : undefined} onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}>
        {p.allLabel !== undefined && <option value="">{p.allLabel}</option>}
        <option value="national">{t('diag.national')}</option>
        <optgroup label={t('diag.regions')}>
          {group('region').map((x) => (
            <option value={x.code} key={x.code}>
              {x.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('diag.departements')}>
          {group('departement').map((x) => (
            <option value={x.code} key={x.code}>
              {x.code} — {x.name}
            </option>
          ))}
        </optgroup>
      </select>
      {p.error && (
        <p class="fr-error-text" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
    </div>
  );
}
