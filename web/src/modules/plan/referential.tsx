import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { asApiError, sendJson, uploadFile } from '../../kit/api';
import { FormField, SelectField } from '../../kit/fields';
import { failureMessage } from '../../kit/field-errors';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { pilotCodes, spreadsheetType } from './spreadsheet';
import type { PlanView } from './types';

interface ImportSummary {
  applied: boolean;
  measures_created: number;
  measures_updated: number;
  actions_created: number;
  actions_updated: number;
  rows_unchanged: number;
}
interface RowError {
  row: number;
  column: string;
  message: string;
}

function AddMeasure({ me, axes }: { me: Me; axes: string[] }) {
  const { t } = useI18n();
  const empty = { axis: axes[0] ?? '', code: '', title_fr: '', title_en: '', pilots: '', deadline: '' };
  const form = useForm(empty);
  const { values: f, errors } = form;
  const [created, setCreated] = useState('');
  const submit = form.submit((x) => sendJson('POST', `/api/v1/axes/${encodeURIComponent(x.axis)}/measures`, { ...x, pilots: pilotCodes(x.pilots), deadline: x.deadline || undefined }, me.csrf_token), {
    onSuccess: () => {
      setCreated(f.code);
      form.setValues({ ...empty, axis: f.axis });
    },
  });
  const field = (name: keyof typeof empty, label: string, hint?: string, type?: string) => (
    <FormField id={`new-measure-${name}`} label={label} hint={hint} type={type} value={f[name]} error={errors[name]} onInput={(v) => form.set(name, v)} />
  );
  return (
    <section aria-labelledby="add-measure" class="fr-mb-6w">
      <h2 id="add-measure">{t('referential.add_measure')}</h2>
      <form noValidate onSubmit={submit} aria-labelledby="add-measure">
        <FormSummary
          form={form}
          idOf={(n) => `new-measure-${n}`}
          success={
            form.saved &&
            created && (
              <>
                {t('referential.created', { code: created })} <a href={`/plan/mesures/${encodeURIComponent(created)}`}>{created}</a>
              </>
            )
          }
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">
            <SelectField id="new-measure-axis" label={t('plan.axis')} value={f.axis} error={errors.axis} options={axes.map((a) => ({ value: a, label: a }))} onChange={(v) => form.set('axis', v)} />
          </div>
          <div class="fr-col-12 fr-col-md-3">{field('code', t('referential.code'), t('referential.code_hint'))}</div>
          <div class="fr-col-12 fr-col-md-6">{field('pilots', t('plan.pilots_codes'))}</div>
        </div>
        {field('title_fr', t('plan.title_fr'))}
        {field('title_en', t('plan.title_en'))}
        {field('deadline', t('plan.deadline_date'))}
        <button class="fr-btn" type="submit" disabled={form.busy}>{t('referential.add_measure')}</button>
      </form>
    </section>
  );
}

function ImportSpreadsheet({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [rows, setRows] = useState<RowError[]>([]);
  const [failure, setFailure] = useState('');
  const send = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure('');
    setRows([]);
    try {
      const r = await uploadFile<ImportSummary>(`/api/v1/plan/import${apply ? '?apply=true' : ''}`, file, spreadsheetType(file.name), me.csrf_token);
      setSummary(r);
    } catch (err) {
      setSummary(null);
      const errors = asApiError(err).fieldErrors;
      if (errors.length && errors[0].row !== undefined) setRows(errors as RowError[]);
      else setFailure(failureMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  const changes = summary ? summary.measures_created + summary.measures_updated + summary.actions_created + summary.actions_updated : 0;
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('referential.import')}</h2>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a class="fr-btn fr-btn--secondary fr-icon-download-line" href={`/api/v1/plan/export.xlsx?lang=${lang}`} download>{t('plan.export_xlsx')}</a>
        </li>
        <li>
          <a class="fr-btn fr-btn--tertiary fr-icon-download-line" href={`/api/v1/plan/export.csv?lang=${lang}`} download>{t('plan.export_csv_ref')}</a>
        </li>
      </ul>
      <form noValidate onSubmit={(e) => { e.preventDefault(); send(false); }} aria-labelledby="import-heading">
        <div class={`fr-upload-group${failure ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="import-file">{t('referential.file')}</label>
          <input class="fr-upload" type="file" id="import-file" accept=".xlsx,.csv" onChange={(e) => { setFile((e.target as HTMLInputElement).files?.[0] ?? null); setSummary(null); setRows([]); }} />
        </div>
        {busy && (
          <p role="status" class="fr-mt-2w">
            <progress aria-label={t('referential.checking')} /> {t('referential.checking')}
          </p>
        )}
        {failure && (
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" role="alert">
            <p>{failure}</p>
          </div>
        )}
        {rows.length > 0 && (
          <div class="fr-mt-2w">
            <div class="fr-alert fr-alert--error fr-alert--sm" role="alert">
              <p>{t('referential.errors')}</p>
            </div>
            <div class="fr-table fr-table--sm">
              <table data-testid="import-errors">
                <caption>{t('referential.errors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('referential.row')}</th>
                    <th scope="col">{t('referential.column')}</th>
                    <th scope="col">{t('referential.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={i}>
                      <td>{r.row}</td>
                      <td>{r.column}</td>
                      <td>{r.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        {summary && (
          <div class={`fr-alert ${summary.applied ? 'fr-alert--success' : 'fr-alert--info'} fr-alert--sm fr-mt-2w`} role="status" data-testid="import-summary">
            <p>
              {summary.applied ? `${t('referential.applied')} ` : ''}
              {changes === 0
                ? t('referential.nothing')
                : t('referential.summary', { mc: summary.measures_created, mu: summary.measures_updated, ac: summary.actions_created, au: summary.actions_updated, un: summary.rows_unchanged })}
            </p>
          </div>
        )}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" disabled={!file || busy}>{t('referential.check')}</button>
          </li>
          {summary && !summary.applied && changes > 0 && (
            <li>
              <button class="fr-btn" type="button" disabled={busy} onClick={() => send(true)}>{t('referential.apply')}</button>
            </li>
          )}
        </ul>
      </form>
    </section>
  );
}

// The coordination's referential page: add a measure, or round-trip the referential through a
// spreadsheet (check first, then apply).
export function ReferentialPage() {
  return <MemberPage>{(me) => <Referential me={me} />}</MemberPage>;
}

function Referential({ me }: { me: Me }) {
  const { t } = useI18n();
  const plan = useResource<PlanView>('/api/v1/plan');
  return (
    <div class="fr-container fr-my-6w">
      <nav role="navigation" class="fr-breadcrumb" aria-label={t('plan.breadcrumb')}>
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/plan">{t('nav.plan')}</a></li>
          <li><a class="fr-breadcrumb__link" aria-current="page">{t('referential.heading')}</a></li>
        </ol>
      </nav>
      <h1>{t('referential.heading')}</h1>
      <p>{t('referential.lead')}</p>
      {can(me, 'plan.manage', 'none') ? (
        <ResourceView resource={plan}>
          {(p) => (
            <>
              <AddMeasure me={me} axes={p.axes.map((a) => a.code)} />
              <ImportSpreadsheet me={me} />
            </>
          )}
        </ResourceView>
      ) : (
        <div class="fr-alert fr-alert--info" role="status"><p>{t('error.forbidden')}</p></div>
      )}
    </div>
  );
}
