// Importing profiles (/terrain/import): the template to download, the file checked first (a dry
// run: every bad row listed with its row, column and problem, nothing written), then imported
// whole in one transaction; a progress bar while the server works.
import { useState } from 'preact/hooks';
import { hasMessage, useI18n, type MessageKey } from '../../i18n';
import { asApiError, uploadFile, type FieldError } from '../../kit/api';
import { failureMessage } from '../../kit/field-errors';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import type { Me } from '../../session';
import { Container, Denied, FieldTabs, reporter, type Codes } from './shared';

// The template's columns, what each takes (the codes from /api/v1/field/codes), and whether it
// may stay empty. minor_at_contact is a true/false; minor_at_exploitation a yes/no/unknown code.
type Expect = { key: MessageKey } | { list: keyof Codes } | { one: keyof Codes };
const COLUMNS: { name: string; expects: Expect; optional?: boolean }[] = [
  { name: 'contact_year', expects: { key: 'field.import.expects_year' } },
  { name: 'contact_month', expects: { key: 'field.import.expects_month' } },
  { name: 'departement', expects: { key: 'field.import.expects_departement' } },
  { name: 'forms', expects: { list: 'forms' } },
  { name: 'exploitation_departement', expects: { key: 'field.import.expects_departement' }, optional: true },
  { name: 'exploitation_country', expects: { key: 'field.import.expects_country' }, optional: true },
  { name: 'sector', expects: { one: 'sectors' }, optional: true },
  { name: 'sex', expects: { one: 'sex' } },
  { name: 'age_band', expects: { one: 'age_bands' } },
  { name: 'minor_at_contact', expects: { key: 'field.import.expects_boolean' } },
  { name: 'minor_at_exploitation', expects: { key: 'field.import.expects_yes_no' }, optional: true },
  { name: 'nationality', expects: { key: 'field.import.expects_nationality' }, optional: true },
  { name: 'ilo_indicators', expects: { list: 'ilo_indicators' }, optional: true },
  { name: 'means_of_control', expects: { list: 'means_of_control' }, optional: true },
  { name: 'recruitment', expects: { list: 'recruitment' }, optional: true },
  { name: 'victim_status', expects: { one: 'victim_status' }, optional: true },
  { name: 'support', expects: { list: 'support' }, optional: true },
  { name: 'operation', expects: { key: 'field.import.expects_operation' }, optional: true },
  { name: 'note', expects: { key: 'field.import.expects_note' }, optional: true },
];

const codesOf = (codes: Codes | undefined, column: string): string[] | null => {
  const c = COLUMNS.find((x) => x.name === column)?.expects;
  if (!c || !codes || 'key' in c) return column === 'minor_at_exploitation' && codes ? codes.minor_at_exploitation : null;
  const list = codes['list' in c ? c.list : c.one];
  return Array.isArray(list) ? (list as unknown[]).map(String) : null;
};

// A column by its name in the user's words, the template's name in brackets.
export function useColumnName() {
  const { t } = useI18n();
  return (column: string) => {
    if (!column) return t('field.import.whole_row');
    const key = `field.column.${column}`;
    return hasMessage(key) ? t(key) : column;
  };
}

// One row error in the user's words: error.<code>.<column>, else error.<code> (the value and the
// accepted codes filled in), else the server's sentence.
export function useRowMessage(codes: Codes | undefined) {
  const { t, lang } = useI18n();
  return (e: FieldError) => {
    if (e.hint) return lang === 'en' ? e.hint.en : e.hint.fr;
    const value = typeof (e as { value?: unknown }).value === 'string' ? ((e as { value?: string }).value as string) : '';
    const column = e.column ?? '';
    if (e.code === 'unknown_code') {
      const accepted = codesOf(codes, column);
      if (accepted) return t('field.import.err.unknown_code', { value, codes: accepted.join(', ') });
      const specific = `field.import.expects_${{ departement: 'departement', exploitation_departement: 'departement', exploitation_country: 'country', nationality: 'nationality' }[column] ?? ''}`;
      return hasMessage(specific) ? `${t('field.import.err.unknown_code_plain', { value })} ${t(specific)}.` : t('field.import.err.unknown_code_plain', { value });
    }
    for (const key of [`field.import.err.${e.code}.${column}`, `field.import.err.${e.code}`]) if (hasMessage(key)) return t(key, { value });
    return e.message;
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const typeOf = (name: string) => (name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv');

export function ImportPage() {
  return <MemberPage>{(me) => (reporter(me) ? <Import me={me} /> : <NoImport me={me} />)}</MemberPage>;
}

// An account without the right to write records: said up front, no template and no form.
function NoImport({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Container>
      <h1>{t('field.import.heading')}</h1>
      <FieldTabs me={me} current="/terrain/import" />
      <Denied text={t('field.denied.import')} />
    </Container>
  );
}

function Columns({ codes }: { codes: Codes }) {
  const { t } = useI18n();
  const columnName = useColumnName();
  return (
    <div class="fr-table fr-table--sm fr-table--no-caption fr-mb-3w">
      <table tabIndex={0} data-testid="field-import-columns">
        <caption>{t('field.import.columns_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.import.col_name')}</th>
            <th scope="col">{t('field.import.col_expects')}</th>
          </tr>
        </thead>
        <tbody>
          {COLUMNS.map((c) => {
            const x = c.expects;
            const text = 'key' in x ? t(x.key) : t('list' in x ? 'field.import.expects_list' : 'field.import.expects_one', { codes: (codesOf(codes, c.name) ?? []).join(', ') });
            return (
              <tr key={c.name} data-column={c.name}>
                <th scope="row">
                  {columnName(c.name)} {c.optional && <span class="fr-text--xs">{t('field.import.optional')}</span>}
                </th>
                <td style={{ wordBreak: 'break-word' }}>{text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Import({ me }: { me: Me }) {
  const { t } = useI18n();
  const codes = useResource<Codes>('/api/v1/field/codes');
  const columnName = useColumnName();
  const rowMessage = useRowMessage(codes.data ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'' | 'check' | 'apply'>('');
  const [checked, setChecked] = useState<number | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [rows, setRows] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState('');
  const send = async (apply: boolean) => {
    if (!file) return;
    setBusy(apply ? 'apply' : 'check');
    setFailure('');
    setRows([]);
    setDone(null);
    if (!apply) setChecked(null);
    try {
      const r = await uploadFile<{ rows: number; written: boolean }>(`/api/v1/field/import${apply ? '' : '?check=1'}`, file, typeOf(file.name), me.csrf_token);
      if (r.written) {
        setDone(r.rows);
        setChecked(null);
      } else setChecked(r.rows);
    } catch (err) {
      const errors = asApiError(err).fieldErrors;
      setChecked(null);
      if (errors.length && errors[0].row !== undefined) setRows(errors);
      else setFailure(failureMessage(err, t));
    } finally {
      setBusy('');
    }
  };
  return (
    <Container>
      <h1>{t('field.import.heading')}</h1>
      <FieldTabs me={me} current="/terrain/import" />
      <p>{t('field.import.lead')}</p>
      <p data-testid="field-import-booleans">{t('field.import.booleans')}</p>
      <details class="fr-mb-2w">
        <summary>{t('field.import.columns_title')}</summary>
        <p class="fr-text--sm fr-mt-1w">{t('field.import.columns_lead')}</p>
        <ResourceView resource={codes}>{(c) => <Columns codes={c} />}</ResourceView>
      </details>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/api/v1/field/import/template.xlsx" download>
            {t('field.import.template_xlsx')}
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--tertiary fr-icon-download-line" href="/api/v1/field/import/template.csv" download>
            {t('field.import.template_csv')}
          </a>
        </li>
      </ul>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send(false);
        }}
      >
        <div class={`fr-upload-group${failure ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="field-import-file">
            {t('field.import.file')}
          </label>
          <input
            class="fr-upload"
            type="file"
            id="field-import-file"
            accept=".xlsx,.csv"
            onChange={(e) => {
              setFile((e.target as HTMLInputElement).files?.[0] ?? null);
              setChecked(null);
              setRows([]);
              setDone(null);
            }}
          />
        </div>
        {busy && (
          <p role="status" class="fr-mt-2w" data-testid="field-import-progress">
            <progress aria-label={t(busy === 'apply' ? 'field.import.progress_apply' : 'field.import.progress_check')} /> {t(busy === 'apply' ? 'field.import.progress_apply' : 'field.import.progress_check')}
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
              <p>{t('field.import.errors', { n: rows.length })}</p>
            </div>
            <div class="fr-table fr-table--sm">
              <table tabIndex={0} data-testid="field-import-errors">
                <caption>{t('field.import.errors_caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.import.row')}</th>
                    <th scope="col">{t('field.import.column')}</th>
                    <th scope="col">{t('field.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={i}>
                      <td>{r.row}</td>
                      <td>{columnName(r.column ?? '')}</td>
                      <td>{rowMessage(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        {checked !== null && (
          <div class="fr-alert fr-alert--info fr-alert--sm fr-mt-2w" role="status" data-testid="field-import-checked">
            <p>{t('field.import.checked', { n: checked })}</p>
          </div>
        )}
        {done !== null && (
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mt-2w" role="status" data-testid="field-import-done">
            <p>{t('field.import.done', { n: done })}</p>
          </div>
        )}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" disabled={!file || !!busy}>
              {t('field.import.check')}
            </button>
          </li>
          {checked !== null && checked > 0 && (
            <li>
              <button class="fr-btn" type="button" disabled={!!busy} onClick={() => send(true)}>
                {t('field.import.apply', { n: checked })}
              </button>
            </li>
          )}
        </ul>
      </form>
    </Container>
  );
}
