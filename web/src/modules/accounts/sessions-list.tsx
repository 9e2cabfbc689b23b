import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { request } from '../../kit/api';
import { failureMessage } from '../../kit/field-errors';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import type { Me } from '../../session';

interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  remote: string;
  user_agent: string;
  current: boolean;
}

// The user's open sessions, each closable from here; read again when `version` changes (after
// a password change closed the others).
export function SessionsList({ me, version = 0 }: { me: Me; version?: number }) {
  const { t, lang } = useI18n();
  const sessions = useResource<{ sessions: SessionRow[] }>('/api/v1/me/sessions');
  useEffect(() => {
    if (version > 0) void sessions.reload();
  }, [version]);
  const [error, setError] = useState('');
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const revoke = async (id: string) => {
    setError('');
    try {
      await request(`/api/v1/me/sessions/${id}`, { method: 'DELETE', csrf: me.csrf_token });
      await sessions.reload();
    } catch (err) {
      setError(failureMessage(err, t));
    }
  };
  return (
    <div class="fr-mt-4w">
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{error}</p>
        </div>
      )}
      <ResourceView resource={sessions}>
        {({ sessions: rows }) => (
          <div class="fr-table">
            <table tabIndex={0} data-testid="sessions">
              <caption>{t('sessions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.since')}</th>
                  <th scope="col">{t('sessions.last_seen')}</th>
                  <th scope="col">{t('sessions.from')}</th>
                  <th scope="col">{t('sessions.action')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td>{when(s.created_at)}</td>
                    <td>{when(s.last_seen_at)}</td>
                    <td>
                      {s.remote} — {s.user_agent.slice(0, 60)}
                    </td>
                    <td>
                      {s.current ? (
                        t('sessions.current')
                      ) : (
                        <button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" onClick={() => revoke(s.id)}>
                          {t('sessions.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
    </div>
  );
}
