// Diagnostics on a member's home page: the diagnostics their organisation owes to open calls
// (with the deadline and a link to write each), their unread notifications, and the
// diagnostics other organisations published since their previous visit.
import { useI18n } from '../../i18n';
import { formatDate } from '../../kit/dates';
import { useResource } from '../../kit/resource';
import { can, type Me } from '../../session';
import type { Call } from './calls';
import type { Diagnostic } from './types';

export function DiagnosticsHomeSummary({ me, since }: { me: Me; since: string | null }) {
  const { t, lang } = useI18n();
  const calls = useResource<{ calls: (Call & { owed_by_my_organisation: string[] })[] }>('/api/v1/diagnostic-calls');
  const inbox = useResource<{ unread: number }>('/api/v1/diagnostics/notifications');
  const list = useResource<{ diagnostics: Diagnostic[] }>(since ? '/api/v1/diagnostics' : null);
  const owed = (calls.data?.calls ?? []).filter((c) => c.owed_by_my_organisation.length > 0);
  const published = (list.data?.diagnostics ?? []).filter((d) => d.published_at && since && d.published_at > since && d.author_organisation !== me.organisation.code);
  const writes = can(me, 'diagnostic.create', 'none');
  return (
    <div data-testid="home-diagnostics">
      <h3 class="fr-h6">{t('home.diag.heading')}</h3>
      {owed.length > 0 && (
        <ul data-testid="home-diagnostics-owed">
          {owed.map((c) => (
            <li key={c.id}>
              {t('home.diag.owed', { label: c.label, date: formatDate(c.deadline, lang) })}{' '}
              {c.owed_by_my_organisation.map((m, i) => (
                <>
                  {i > 0 && ', '}
                  {writes ? <a href={`/diagnostics/nouveau?mesure=${encodeURIComponent(m)}`} aria-label={t('diag.calls.write_for', { measure: m })}>{m}</a> : m}
                </>
              ))}
            </li>
          ))}
        </ul>
      )}
      {calls.status === 'ready' && owed.length === 0 && <p data-testid="home-diagnostics-owed">{t('home.diag.nothing_owed')}</p>}
      {(inbox.data?.unread ?? 0) > 0 && (
        <p>
          <a href="/notifications">{t(inbox.data!.unread === 1 ? 'home.diag.unread_one' : 'home.diag.unread', { n: inbox.data!.unread })}</a>
        </p>
      )}
      {since && list.status === 'ready' && (
        <p data-testid="home-diagnostics-since">
          {published.length === 0 ? t('home.diag.no_news') : <a href="/divergence">{t(published.length === 1 ? 'home.diag.news_one' : 'home.diag.news', { n: published.length })}</a>}
        </p>
      )}
    </div>
  );
}
