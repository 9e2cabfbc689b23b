import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';

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

// The audit viewer: everything for the coordination and platform admins; for an
// organisation's admins, who acted on their organisation's records.
export function AuditLog() {
  const { t, lang } = useI18n();
  const { me, loading } = useSession();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [scope, setScope] = useState('');
  const [denied, setDenied] = useState(false);
  const load = (before?: number) =>
    getJson<{ entries: Entry[]; scope: string }>(`/api/v1/audit?limit=50${before ? `&before=${before}` : ''}`)
      .then((r) => {
        setEntries((prev) => (before ? [...prev, ...r.entries] : r.entries));
        setScope(r.scope);
      })
      .catch(() => setDenied(true));
  useEffect(() => {
    if (!loading && !me) navigate('/connexion');
    if (me) load();
  }, [loading, me]);
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('audit.heading')}</h1>
      {denied ? (
        <div class="fr-alert fr-alert--info" role="status">
          <p>{t('audit.denied')}</p>
        </div>
      ) : (
        <>
          <p>{scope === 'all' ? t('audit.scope_all') : t('audit.scope_own')}</p>
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
          {entries.length > 0 && entries.length % 50 === 0 && (
            <button class="fr-btn fr-btn--secondary" type="button" onClick={() => load(entries[entries.length - 1].seq)}>
              {t('audit.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
