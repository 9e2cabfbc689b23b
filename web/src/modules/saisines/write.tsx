// Filing a saisine (/saisines/nouvelle) or completing one (/saisines/:id/modifier, in draft or
// when the coordinator asked for information). The draft saves itself a moment after each
// change once it has a title and a category, and on "save"; the checklist beside the form is
// the server's, recomputed from the content at each save. "Submit" saves, then submits.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson, sendJson } from '../../kit/api';
import { FormField, SelectField, TextAreaField } from '../../kit/fields';
import { FormSummary, useFocusLater, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { navigate } from '../../router';
import type { Me } from '../../session';
import { Checklist } from './checklist';
import { AUTHORITY_TYPES, CATEGORIES, DEPARTEMENTS, EVENT_KINDS, FACTS_LIMIT, SHAREABLE, TEXT_LIMIT, type ChronologyEntry, type Saisine, type Step } from './types';

type Values = {
  title: string;
  category: string;
  authority: string;
  departement: string;
  persons: string;
  facts: string;
  chronology: ChronologyEntry[];
  steps: Step[];
  expected: string;
  shared: string[];
};

export function NewSaisinePage() {
  return <MemberPage>{(me) => <WritePage me={me} initial={blank(me)} />}</MemberPage>;
}

export function EditSaisinePage({ id }: { id: string }) {
  return <MemberPage>{(me) => <EditOf me={me} id={id} />}</MemberPage>;
}

function EditOf({ me, id }: { me: Me; id: string }) {
  const { t } = useI18n();
  const s = useResource<Saisine>(`/api/v1/saisines/${encodeURIComponent(id)}`);
  return (
    <ResourceView resource={s} notFound={<div class="fr-container fr-my-6w"><h1>{t('sais.edit.heading')}</h1><p>{t('sais.page.not_found')}</p></div>}>
      {(x) => <WritePage me={me} existing={x} initial={fromSaisine(x)} />}
    </ResourceView>
  );
}

function blank(me: Me): Values {
  const departement = DEPARTEMENTS.some((d) => d.code === me.organisation.territory) ? me.organisation.territory : '';
  return { title: '', category: '', authority: '', departement, persons: '', facts: '', chronology: [], steps: [], expected: '', shared: [] };
}

function fromSaisine(s: Saisine): Values {
  return {
    title: s.title ?? '',
    category: s.category,
    authority: s.authority,
    departement: s.departement,
    persons: s.persons ? String(s.persons) : '',
    facts: s.facts ?? '',
    chronology: (s.chronology ?? []).map((e) => ({ ...e })),
    steps: (s.steps ?? []).map((e) => ({ ...e })),
    expected: s.expected ?? '',
    shared: [...s.shared],
  };
}

const body = (v: Values) => ({
  title: v.title,
  category: v.category,
  authority: v.authority,
  departement: v.departement,
  persons: v.persons.trim() === '' ? null : Number(v.persons),
  facts: v.facts,
  // Every row as typed, so that the server's "chronology/2/date" names the row on the page.
  chronology: v.chronology,
  steps: v.steps,
  expected: v.expected,
  shared: v.shared,
});

const fieldId = (f: string) => {
  const item = /^(chronology|steps)\/(\d+)\/(\w+)$/.exec(f);
  if (item) return `sais-${item[1] === 'chronology' ? 'event' : 'step'}-${item[2]}-${item[3]}`;
  return f === 'chronology' ? 'sais-add-event' : f === 'steps' ? 'sais-add-step' : f === 'shared' ? 'sais-shared-facts' : `sais-${f}`;
};

function WritePage({ me, initial, existing }: { me: Me; initial: Values; existing?: Saisine }) {
  const { t, lang } = useI18n();
  const orgs = useResource<{ organisations: { code: string; name: string; type: string }[] }>('/api/v1/organisations');
  // The chronology's and the steps' errors stay beside each item's inputs.
  const form = useForm<Values>(initial, ['chronology', 'steps']);
  const focusLater = useFocusLater();
  const { values: v, errors } = form;
  const saved = useRef<Saisine | null>(existing ?? null);
  const [checklist, setChecklist] = useState(existing?.checklist ?? null);
  const [autosaved, setAutosaved] = useState(false);
  const lastSent = useRef(JSON.stringify(body(initial)));

  const validate = () => {
    const e: Record<string, string> = {};
    if (!v.title.trim()) e.title = t('error.required.title');
    if (!v.category) e.category = t('error.required.category');
    return e;
  };
  // Saves run one after the other, so an autosave and a click never both create the draft.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const save = (x: Values): Promise<Saisine> => {
    const run = async () => {
      const json = body(x);
      const s = saved.current
        ? await sendJson<Saisine>('PATCH', `/api/v1/saisines/${saved.current.id}`, json, me.csrf_token)
        : await postJson<Saisine>('/api/v1/saisines', json, me.csrf_token);
      saved.current = s;
      lastSent.current = JSON.stringify(json);
      setChecklist(s.checklist ?? null);
      return s;
    };
    const next = queue.current.then(run, run);
    queue.current = next.catch(() => undefined);
    return next;
  };
  const onSave = form.submit(save, { validate, onSuccess: () => setAutosaved(false) });
  const onSubmit = form.submit(
    async (x) => {
      const s = await save(x);
      return postJson<Saisine>(`/api/v1/saisines/${s.id}/transitions`, { to: 'submitted' }, me.csrf_token);
    },
    { validate, onSuccess: (s) => navigate(`/saisines/${s.id}`) },
  );

  // The autosave: a moment after the last change, when there is something new to save.
  useEffect(() => {
    if (!v.title.trim() || !v.category || form.busy) return;
    if (JSON.stringify(body(v)) === lastSent.current) return;
    const timer = window.setTimeout(() => {
      save(v).then(
        () => setAutosaved(true),
        () => undefined, // a refused autosave stays silent: "save" shows why
      );
    }, 1500);
    return () => window.clearTimeout(timer);
  }, [v]);

  const authorities = (orgs.data?.organisations ?? []).filter((o) => AUTHORITY_TYPES.includes(o.type));
  const setEvent = (i: number, part: keyof ChronologyEntry, value: string) => form.set('chronology', v.chronology.map((e, j) => (j === i ? { ...e, [part]: value } : e)));
  const setStep = (i: number, part: keyof Step, value: string) => form.set('steps', v.steps.map((e, j) => (j === i ? { ...e, [part]: value } : e)));
  const heading = existing ? t('sais.edit.heading') : t('sais.new.heading');
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div class="fr-container fr-my-6w">
      <h1>{heading}</h1>
      <p class="fr-text--lead">{t('sais.new.lead')}</p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-8">
          <form onSubmit={onSave} noValidate aria-label={heading}>
            <FormSummary form={form} idOf={fieldId} success={form.saved ? t('sais.saved') : undefined} />
            {autosaved && (
              <p class="fr-text--sm" role="status">
                {t('sais.autosaved')}
              </p>
            )}
            <FormField id="sais-title" label={t('sais.field.title')} value={v.title} error={errors.title} onInput={(x) => form.set('title', x)} />
            <SelectField
              id="sais-category"
              label={t('sais.field.category')}
              value={v.category}
              error={errors.category}
              options={[{ value: '', label: t('sais.field.category_choose') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`sais.category.${c}` as MessageKey) }))]}
              onChange={(x) => form.set('category', x)}
            />
            <div class="fr-grid-row fr-grid-row--gutters">
              <div class="fr-col-12 fr-col-md-6">
                <SelectField
                  id="sais-authority"
                  label={t('sais.field.authority')}
                  value={v.authority}
                  error={errors.authority}
                  options={[{ value: '', label: t('sais.field.authority_choose') }, ...authorities.map((o) => ({ value: o.code, label: o.name }))]}
                  onChange={(x) => form.set('authority', x)}
                />
              </div>
              <div class="fr-col-12 fr-col-md-6">
                <SelectField
                  id="sais-departement"
                  label={t('sais.field.departement')}
                  value={v.departement}
                  error={errors.departement}
                  options={[{ value: '', label: t('sais.field.departement_choose') }, ...DEPARTEMENTS.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))]}
                  onChange={(x) => form.set('departement', x)}
                />
              </div>
            </div>
            <FormField id="sais-persons" label={t('sais.field.persons')} hint={t('sais.field.persons_hint')} type="number" inputMode="numeric" min={1} value={v.persons} error={errors.persons} onInput={(x) => form.set('persons', x)} />
            <TextAreaField id="sais-facts" label={t('sais.field.facts')} rows={5} maxChars={FACTS_LIMIT} value={v.facts} error={errors.facts} findings={form.findings.facts} onInput={(x) => form.set('facts', x)} />
            <fieldset class={`fr-fieldset${errors.chronology ? ' fr-fieldset--error' : ''}`} aria-labelledby="sais-chronology-legend">
              <legend class="fr-fieldset__legend" id="sais-chronology-legend">
                {t('sais.field.chronology')}
                <span class="fr-hint-text">{t('sais.field.chronology_hint')}</span>
              </legend>
              {v.chronology.map((e, i) => (
                <div class="fr-fieldset__element vigie-saisine-row" key={i}>
                  <FormField id={`sais-event-${i}-date`} label={t('sais.field.event_date', { n: i + 1 })} type="date" value={e.date} error={errors[`chronology/${i}/date`]} onInput={(x) => setEvent(i, 'date', x)} />
                  <SelectField
                    id={`sais-event-${i}-kind`}
                    label={t('sais.field.event_kind', { n: i + 1 })}
                    value={e.kind}
                    error={errors[`chronology/${i}/kind`]}
                    options={[{ value: '', label: t('sais.kind.none') }, ...EVENT_KINDS.map((k) => ({ value: k, label: t(`sais.kind.${k}` as MessageKey) }))]}
                    onChange={(x) => setEvent(i, 'kind', x)}
                  />
                  <FormField id={`sais-event-${i}-event`} label={t('sais.field.event', { n: i + 1 })} value={e.event} error={errors[`chronology/${i}/event`]} onInput={(x) => setEvent(i, 'event', x)} />
                  <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => {
                      form.set('chronology', v.chronology.filter((_, j) => j !== i));
                      focusLater('sais-add-event');
                    }}>
                    {t('sais.field.remove_event', { n: i + 1 })}
                  </button>
                </div>
              ))}
              <div class="fr-fieldset__element">
                <button type="button" id="sais-add-event" class="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => {
                    form.set('chronology', [...v.chronology, { date: today, event: '', kind: '' }]);
                    focusLater(`sais-event-${v.chronology.length}-date`);
                  }}>
                  {t('sais.field.add_event')}
                </button>
              </div>
              {errors.chronology && <p class="fr-error-text">{errors.chronology}</p>}
            </fieldset>
            <fieldset class={`fr-fieldset${errors.steps ? ' fr-fieldset--error' : ''}`} aria-labelledby="sais-steps-legend">
              <legend class="fr-fieldset__legend" id="sais-steps-legend">
                {t('sais.field.steps')}
              </legend>
              {v.steps.map((e, i) => (
                <div class="fr-fieldset__element vigie-saisine-row" key={i}>
                  <FormField id={`sais-step-${i}-date`} label={t('sais.field.step_date', { n: i + 1 })} type="date" value={e.date} error={errors[`steps/${i}/date`]} onInput={(x) => setStep(i, 'date', x)} />
                  <FormField id={`sais-step-${i}-step`} label={t('sais.field.step', { n: i + 1 })} value={e.step} error={errors[`steps/${i}/step`]} onInput={(x) => setStep(i, 'step', x)} />
                  <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => {
                      form.set('steps', v.steps.filter((_, j) => j !== i));
                      focusLater('sais-add-step');
                    }}>
                    {t('sais.field.remove_step', { n: i + 1 })}
                  </button>
                </div>
              ))}
              <div class="fr-fieldset__element">
                <button type="button" id="sais-add-step" class="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => {
                    form.set('steps', [...v.steps, { date: today, step: '' }]);
                    focusLater(`sais-step-${v.steps.length}-date`);
                  }}>
                  {t('sais.field.add_step')}
                </button>
              </div>
              {errors.steps && <p class="fr-error-text">{errors.steps}</p>}
            </fieldset>
            <TextAreaField id="sais-expected" label={t('sais.field.expected')} maxChars={TEXT_LIMIT} value={v.expected} error={errors.expected} findings={form.findings.expected} onInput={(x) => form.set('expected', x)} />
            <fieldset class="fr-fieldset" aria-labelledby="sais-shared-legend">
              <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="sais-shared-legend">
                {t('sais.field.shared')}
                <span class="fr-hint-text">{t('sais.field.shared_hint')}</span>
              </legend>
              {SHAREABLE.map((p) => (
                <div class="fr-fieldset__element" key={p}>
                  <div class="fr-checkbox-group">
                    <input type="checkbox" id={`sais-shared-${p}`} checked={v.shared.includes(p)} onChange={(e) => form.set('shared', (e.target as HTMLInputElement).checked ? [...v.shared, p] : v.shared.filter((x) => x !== p))} />
                    <label class="fr-label" for={`sais-shared-${p}`}>
                      {t(`sais.part.${p}` as MessageKey)}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li>
                <button class="fr-btn" type="button" disabled={form.busy} onClick={() => onSubmit()}>
                  {t('sais.submit')}
                </button>
              </li>
              <li>
                <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
                  {t('sais.save_draft')}
                </button>
              </li>
              <li>
                <a class="fr-btn fr-btn--tertiary" href={existing ? `/saisines/${existing.id}` : '/saisines'}>
                  {t('sais.cancel')}
                </a>
              </li>
            </ul>
          </form>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <Checklist lines={checklist} lang={lang} />
        </div>
      </div>
    </div>
  );
}
