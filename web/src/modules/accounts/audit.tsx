import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { getJson } from '../../kit/api';
import { failureMessage } from '../../kit/field-errors';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  actor_organisation: string;
  organisation: string;
  action: string;
  object_type: string;
  object_id: string;
  outcome: string;
}
type Page = { entries: Entry[]; scope: string };

// The audit viewer: everything for the coordination and platform admins; for an
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
  const first = useResource<Page>('/api/v1/audit?limit=50');
  const [more, setMore] = useState<Entry[]>([]);
  const [moreError, setMoreError] = useState('');
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  return (
    <ResourceView resource={first} forbidden={t('audit.denied')}>
      {(page) => {
        const entries = [...page.entries, ...more];
        const loadMore = () =>
          getJson<Page>(`/api/v1/audit?limit=50&before=${entries[entries.length - 1].seq}`)
            .then((r) => {
              setMoreError('');
              setMore((prev) => [...prev, ...r.entries]);
            })
            .catch((err) => setMoreError(failureMessage(err, t)));
        return (
          <>
            <p>{page.scope === 'all' ? t('audit.scope_all') : t('audit.scope_own')}</p>
            <div class="fr-table">
              <table data-testid="audit-table">
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
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>
                        {e.object_type} {e.object_id} {e.organisation && `— ${e.organisation}`}
                      </td>
                      <td>{e.outcome}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
  );
}
