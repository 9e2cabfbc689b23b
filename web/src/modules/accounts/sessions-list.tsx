import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api';
import { useI18n } from '../i18n';
import type { Me } from '../session';

interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  remote: string;
  user_agent: string;
  current: boolean;
}

// The user's open sessions, each closable from here.
export function SessionsList({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<SessionRow[]>([]);
  const load = () => getJson<{ sessions: SessionRow[] }>('/api/v1/me/sessions').then((r) => setRows(r.sessions));
  useEffect(() => {
    load().catch(() => setRows([]));
  }, []);
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const revoke = async (id: string) => {
    await getJson(`/api/v1/me/sessions/${id}`, { method: 'DELETE', headers: { 'X-CSRF-Token': me.csrf_token, Accept: 'application/json' } });
    await load();
  };
  return (
    <div class="fr-table fr-mt-4w">
      <table>
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
  );
}
