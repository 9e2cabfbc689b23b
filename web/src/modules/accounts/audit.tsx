import { useState } from 'preact/hooks';
import { useI18n, type Lang } from '../../i18n';
import { getJson } from '../../kit/api';
import { errorsByField, failureMessage } from '../../kit/field-errors';
import { FormField, SelectField } from '../../kit/fields';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';

type Words = { fr: string; en: string };
interface Entry {
  seq: number;
  at: string;
  actor: string;
  actor_organisation: string;
  organisation: string;
  action: string;
  action_words: Words;
  object_type: string;
  object_words: Words;
  object_id: string;
  outcome: string;
  outcome_words: Words;
}
type Page = { entries: Entry[]; scope: string; families: { code: string; words: Words }[] };
interface Filters {
  who: string;
  what: string;
  from: string;
  to: string;
  outcome: string;
}
const NONE: Filters = { who: '', what: '', from: '', to: '', outcome: '' };

const query = (f: Filters) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) q.set(k, v.trim());
  return q.toString();
};
const inWords = (w: Words, lang: Lang) => (lang === 'en' ? w.en : w.fr);

// The audit viewer, in words: who did what, on what, when and with which outcome, filtered by
// who (an e-mail or an organisation code), what (a family of actions), when and outcome, and the
// same entries as a CSV file. Everything for the coordination and platform admins; for an
// organisation's admins, who acted on their organisation's records. A refusal says so; a
// failure says so with a retry.
export function AuditLog() {
  const { t } = useI18n();
  return (
    <MemberPage>
      {() => (
        <div class="fr-container fr-my-6w">
          <h1>{t('audit.heading')}</h1>
          <AuditEntries />
        </div>
      )}
    </MemberPage>
  );
}

function AuditEntries() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const q = query(applied);
  const first = useResource<Page>(`/api/v1/audit?limit=50${q ? `&${q}` : ''}`);
  const [more, setMore] = useState<{ for: string; entries: Entry[] }>({ for: '', entries: [] });
  const [moreError, setMoreError] = useState('');
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  // A refused filter (an unknown person, an impossible date): its message next to its field.
  const fieldErrors = first.status === 'error' && first.error?.status === 422 ? errorsByField(first.error, t, lang) : {};
  const families = first.data?.families ?? [];
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <>
      <form
        class="fr-mb-3w"
        aria-labelledby="audit-filters"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        <h2 class="fr-h6" id="audit-filters">
          {t('audit.filters')}
        </h2>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">
            <FormField id="audit-who" label={t('audit.filter_who')} hint={t('audit.filter_who_hint')} value={draft.who} error={fieldErrors.who} onInput={set('who')} />
          </div>
          <div class="fr-col-12 fr-col-md-3">
            <SelectField id="audit-what" label={t('audit.filter_what')} value={draft.what} error={fieldErrors.what} options={[{ value: '', label: t('audit.any') }, ...families.map((f) => ({ value: f.code, label: inWords(f.words, lang) }))]} onChange={set('what')} />
          </div>
          <div class="fr-col-6 fr-col-md-2">
            <FormField id="audit-from" label={t('audit.filter_from')} type="date" value={draft.from} error={fieldErrors.from} onInput={set('from')} />
          </div>
          <div class="fr-col-6 fr-col-md-2">
            <FormField id="audit-to" label={t('audit.filter_to')} type="date" value={draft.to} error={fieldErrors.to} onInput={set('to')} />
          </div>
          <div class="fr-col-12 fr-col-md-3">
            <SelectField
              id="audit-outcome"
              label={t('audit.filter_outcome')}
              value={draft.outcome}
              error={fieldErrors.outcome}
              options={[
                { value: '', label: t('audit.any') },
                { value: 'ok', label: lang === 'en' ? 'Succeeded' : 'Réussi' },
                { value: 'denied', label: lang === 'en' ? 'Denied' : 'Refusé' },
              ]}
              onChange={set('outcome')}
            />
          </div>
        </div>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <button class="fr-btn" type="submit">
              {t('audit.apply')}
            </button>
          </li>
          <li>
            <button
              class="fr-btn fr-btn--tertiary"
              type="button"
              onClick={() => {
                setDraft(NONE);
                setApplied(NONE);
              }}
            >
              {t('audit.reset')}
            </button>
          </li>
        </ul>
      </form>
      {Object.keys(fieldErrors).length > 0 && !fieldErrors.form ? (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" data-testid="audit-filter-error">
          <p>{Object.values(fieldErrors).join(' ')}</p>
        </div>
      ) : (
        <ResourceView resource={first} forbidden={t('audit.denied')}>
          {(page) => {
            const entries = [...page.entries, ...(more.for === q ? more.entries : [])];
            const loadMore = () =>
              getJson<Page>(`/api/v1/audit?limit=50&before=${entries[entries.length - 1].seq}${q ? `&${q}` : ''}`)
                .then((r) => {
                  setMoreError('');
                  setMore((prev) => ({ for: q, entries: [...(prev.for === q ? prev.entries : []), ...r.entries] }));
                })
                .catch((err) => setMoreError(failureMessage(err, t)));
            return (
              <>
                <p>{page.scope === 'all' ? t('audit.scope_all') : t('audit.scope_own')}</p>
                <p>
                  <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/api/v1/audit/export.csv?lang=${lang}${q ? `&${q}` : ''}`} download data-testid="audit-export">
                    {t('audit.export_csv')}
                  </a>
                </p>
                {entries.length === 0 ? (
                  <p role="status">{t('audit.none')}</p>
                ) : (
                  <div class="fr-table">
                    <table tabIndex={0} data-testid="audit-table">
                      <caption>{t('audit.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">#</th>
                          <th scope="col">{t('audit.when')}</th>
                          <th scope="col">{t('audit.who')}</th>
                          <th scope="col">{t('audit.what')}</th>
                          <th scope="col">{t('audit.object')}</th>
                          <th scope="col">{t('audit.outcome')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {entries.map((e) => (
                          <tr key={e.seq}>
                            <td>{e.seq}</td>
                            <td>{when(e.at)}</td>
                            <td>{e.actor ? `${e.actor} (${e.actor_organisation})` : t('audit.system')}</td>
                            <td title={e.action}>{inWords(e.action_words, lang)}</td>
                            <td>
                              {e.object_type && `${inWords(e.object_words, lang)} ${e.object_id}`}
                              {e.organisation && ` — ${e.organisation}`}
                            </td>
                            <td>
                              <p class={`fr-badge fr-badge--sm fr-badge--no-icon ${e.outcome === 'ok' ? 'fr-badge--success' : 'fr-badge--error'}`}>{inWords(e.outcome_words, lang)}</p>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {moreError && (
                  <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
                    <p>{moreError}</p>
                  </div>
                )}
                {entries.length > 0 && entries.length % 50 === 0 && (
                  <button class="fr-btn fr-btn--secondary" type="button" onClick={loadMore}>
                    {t('audit.more')}
                  </button>
                )}
              </>
            );
          }}
        </ResourceView>
      )}
    </>
  );
}
