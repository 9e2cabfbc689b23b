// My organisation's victim profiles (/terrain/profils; the coordinator: every organisation's,
// each read audited and shown to the organisation read), and the form that records one
// (/terrain/profils/nouveau). A refused submit keeps every value and shows each error by its
// field, the identifier guard's findings included.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { postJson } from '../../kit/api';
import { formatDate } from '../../kit/dates';
import { FormField, SelectField, TextAreaField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { Container, coordinator, Denied, FieldTabs, reporter, useCodeLabel, useCount, type Codes, type VictimRecord } from './shared';

const PAGE = 200;

export function RecordsPage() {
  return <MemberPage>{(me) => (can(me, 'field.record_read', 'own_organisation') ? <Records me={me} /> : <NoRecords me={me} />)}</MemberPage>;
}

function NoRecords({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Container>
      <h1>{t('field.records.heading')}</h1>
      <FieldTabs me={me} current="/terrain/profils" />
      <Denied text={t('field.denied.records')} />
    </Container>
  );
}

function Records({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const label = useCodeLabel();
  const count = useCount();
  const [offset, setOffset] = useState(0);
  const list = useResource<{ total: number; records: VictimRecord[] }>(`/api/v1/field/records?limit=${PAGE}&offset=${offset}`, { isEmpty: (x) => x.total === 0 });
  const all = coordinator(me);
  // Another page: back to the count above the table, which says which profiles are shown.
  const turn = (to: number) => {
    setOffset(to);
    document.querySelector('[data-testid="field-records-total"]')?.scrollIntoView();
  };
  return (
    <Container>
      <h1>{t(all ? 'field.records.heading_all' : 'field.records.heading')}</h1>
      <FieldTabs me={me} current="/terrain/profils" />
      {all && <p>{t('field.records.audited')}</p>}
      <ResourceView resource={list} empty={<p>{t('field.records.none')}</p>}>
        {(x) => (
          <>
            <p data-testid="field-records-total">
              {x.total > x.records.length ? t('field.records.range', { from: count(offset + 1), to: count(offset + x.records.length), total: count(x.total) }) : t('field.records.count', { n: x.total })}
            </p>
            {/* The caption, as wide as the table, would be cut on a phone: said above it instead. */}
            <p class="fr-text--sm fr-mb-1w" aria-hidden="true" data-testid="field-records-caption">
              {t('field.records.caption')}
            </p>
            <div class="fr-table fr-table--sm fr-table--no-caption">
              <table tabIndex={0} data-testid="field-records">
                <caption>{t('field.records.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.col.contact')}</th>
                    {all && <th scope="col">{t('field.col.organisation')}</th>}
                    <th scope="col">{t('field.col.departement')}</th>
                    <th scope="col">{t('field.col.forms')}</th>
                    <th scope="col">{t('field.col.sex')}</th>
                    <th scope="col">{t('field.col.age')}</th>
                    <th scope="col">{t('field.col.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {x.records.map((r, i) => (
                    <tr key={i}>
                      <td>{formatDate(`${r.contact_year}-${String(r.contact_month).padStart(2, '0')}-01`, lang).replace(/^\d+\s|^\d+\//, '')}</td>
                      {all && <td>{r.organisation}</td>}
                      <td>{r.departement}</td>
                      <td>{r.forms.map((f) => label('form', f)).join(', ')}</td>
                      <td>{label('sex', r.sex)}</td>
                      <td>{label('age', r.age_band)}</td>
                      <td>{r.created_at ? formatDate(r.created_at, lang) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {x.total > PAGE && (
              <nav aria-label={t('field.records.pages')}>
                <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <li>
                    <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" disabled={offset === 0} onClick={() => turn(Math.max(0, offset - PAGE))}>
                      {t('field.records.previous')}
                    </button>
                  </li>
                  <li>
                    <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-testid="field-records-next" disabled={offset + PAGE >= x.total} onClick={() => turn(offset + PAGE)}>
                      {t('field.records.next')}
                    </button>
                  </li>
                </ul>
              </nav>
            )}
          </>
        )}
      </ResourceView>
    </Container>
  );
}

export function NewRecordPage() {
  return <MemberPage>{(me) => <NewRecord me={me} />}</MemberPage>;
}

type Values = {
  contact_year: string;
  contact_month: string;
  departement: string;
  forms: string[];
  sex: string;
  age_band: string;
  minor_at_contact: string;
  nationality: string;
  victim_status: string;
  support: string[];
  note: string;
};

function NewRecord({ me }: { me: Me }) {
  const { t } = useI18n();
  // Only an account that records asks for the codes (the others are told so, with no form).
  const codes = useResource<Codes>(reporter(me) ? '/api/v1/field/codes' : null);
  return (
    <Container>
      <h1>{t('field.new.heading')}</h1>
      <FieldTabs me={me} current="/terrain/profils/nouveau" />
      {reporter(me) ? (
        <>
          <p>{t('field.new.lead')}</p>
          <ResourceView resource={codes}>{(c) => <RecordForm me={me} codes={c} />}</ResourceView>
        </>
      ) : (
        <Denied text={t('field.denied.import')} />
      )}
    </Container>
  );
}

const blank = (me: Me): Values => {
  const now = new Date();
  return {
    contact_year: String(now.getUTCFullYear()),
    contact_month: String(now.getUTCMonth() + 1),
    departement: /^\d[\dAB]\d?$/.test(me.organisation.territory) ? me.organisation.territory : '',
    forms: [],
    sex: '',
    age_band: '',
    minor_at_contact: '',
    nationality: '',
    victim_status: 'PRESUMEE',
    support: [],
    note: '',
  };
};

function Checkboxes({ name, legend, hint, options, value, error, onChange }: { name: string; legend: string; hint?: string; options: { value: string; label: string }[]; value: string[]; error?: string; onChange: (v: string[]) => void }) {
  return (
    <fieldset class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} id={name} aria-labelledby={`${name}-legend${error ? ` ${name}-error` : ''}`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${name}-legend`}>
        {legend}
        {hint && <span class="fr-hint-text">{hint}</span>}
      </legend>
      {options.map((o) => (
        <div class="fr-fieldset__element" key={o.value}>
          <div class="fr-checkbox-group">
            <input type="checkbox" id={`${name}-${o.value}`} checked={value.includes(o.value)} onChange={(e) => onChange((e.target as HTMLInputElement).checked ? [...value, o.value] : value.filter((x) => x !== o.value))} />
            <label class="fr-label" for={`${name}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      {error && (
        <div class="fr-messages-group" id={`${name}-error`}>
          <p class="fr-message fr-message--error">{error}</p>
        </div>
      )}
    </fieldset>
  );
}

function RecordForm({ me, codes }: { me: Me; codes: Codes }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const form = useForm<Values>(() => blank(me));
  const v = form.values;
  const e = form.errors;
  const onSubmit = form.submit(
    (x) =>
      postJson('/api/v1/field/records', {
        contact_year: Number(x.contact_year),
        contact_month: Number(x.contact_month),
        departement: x.departement,
        forms: x.forms,
        sex: x.sex,
        age_band: x.age_band,
        ...(x.minor_at_contact ? { minor_at_contact: x.minor_at_contact === 'true' } : {}),
        nationality: x.nationality.trim().toUpperCase(),
        victim_status: x.victim_status,
        support: x.support,
        note: x.note,
      }, me.csrf_token),
    { onSuccess: () => form.setValues(blank(me)) },
  );
  const choose = { value: '', label: t('field.choose') };
  return (
    <form noValidate onSubmit={onSubmit} data-testid="field-record-form">
      <FormSummary form={form} success={form.saved ? t('field.saved') : undefined} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">
          <FormField id="contact_year" label={t('field.f.contact_year')} inputMode="numeric" value={v.contact_year} error={e.contact_year} onInput={(x) => form.set('contact_year', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <SelectField id="contact_month" label={t('field.f.contact_month')} value={v.contact_month} error={e.contact_month} options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} onChange={(x) => form.set('contact_month', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <SelectField id="departement" label={t('field.f.departement')} value={v.departement} error={e.departement} options={[choose, ...codes.departements.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))]} onChange={(x) => form.set('departement', x)} />
        </div>
      </div>
      <Checkboxes name="forms" legend={t('field.f.forms')} hint={t('field.f.forms_hint')} value={v.forms} error={e.forms} options={codes.forms.map((f) => ({ value: f, label: label('form', f) }))} onChange={(x) => form.set('forms', x)} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">
          <SelectField id="sex" label={t('field.f.sex')} value={v.sex} error={e.sex} options={[choose, ...codes.sex.map((s) => ({ value: s, label: label('sex', s) }))]} onChange={(x) => form.set('sex', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <SelectField id="age_band" label={t('field.f.age_band')} value={v.age_band} error={e.age_band} options={[choose, ...codes.age_bands.map((a) => ({ value: a, label: a }))]} onChange={(x) => form.set('age_band', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <SelectField id="minor_at_contact" label={t('field.f.minor_at_contact')} value={v.minor_at_contact} error={e.minor_at_contact} options={[choose, { value: 'true', label: t('field.yes') }, { value: 'false', label: t('field.no') }]} onChange={(x) => form.set('minor_at_contact', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <FormField id="nationality" label={t('field.f.nationality')} hint={t('field.f.nationality_hint')} value={v.nationality} error={e.nationality} onInput={(x) => form.set('nationality', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <SelectField id="victim_status" label={t('field.f.victim_status')} value={v.victim_status} error={e.victim_status} options={codes.victim_status.map((s) => ({ value: s, label: label('status', s) }))} onChange={(x) => form.set('victim_status', x)} />
        </div>
      </div>
      <Checkboxes name="support" legend={t('field.f.support')} value={v.support} error={e.support} options={codes.support.map((s) => ({ value: s, label: label('support', s) }))} onChange={(x) => form.set('support', x)} />
      <TextAreaField id="note" label={t('field.f.note')} hint={t('field.f.note_hint')} value={v.note} error={e.note} findings={form.findings.note} maxChars={2000} onInput={(x) => form.set('note', x)} />
      <button class="fr-btn fr-mt-2w" type="submit" disabled={form.busy}>
        {t('field.save')}
      </button>
    </form>
  );
}
