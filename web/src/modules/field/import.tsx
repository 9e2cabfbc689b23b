// Importing profiles (/terrain/import): the template to download, the file checked first (a dry
// run: every bad row listed with its row, column and problem, nothing written), then imported
// whole in one transaction; a progress bar while the server works.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { asApiError, uploadFile, type FieldError } from '../../kit/api';
import { failureMessage } from '../../kit/field-errors';
import { MemberPage } from '../../kit/member';
import type { Me } from '../../session';
import { Container, FieldTabs } from './shared';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const typeOf = (name: string) => (name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv');

export function ImportPage() {
  return <MemberPage>{(me) => <Import me={me} />}</MemberPage>;
}

function Import({ me }: { me: Me }) {
  const { t } = useI18n();
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
              <table data-testid="field-import-errors">
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
                      <td>{r.column}</td>
                      <td>{r.message}</td>
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
