// Saisines on a member's home page: what their organisation owes (information the coordinator
// asked for, saisines to triage, answers the authority owes), the overdue ones, and how many
// of the saisines they may see changed since their previous visit.
import { useI18n } from '../../i18n';
import { useResource } from '../../kit/resource';
import { can, type Me } from '../../session';
import type { Saisine } from './types';

export function SaisinesHomeSummary({ me, since }: { me: Me; since: string | null }) {
  const { t } = useI18n();
  const list = useResource<{ saisines: Saisine[] }>('/api/v1/saisines');
  if (list.status !== 'ready' && list.status !== 'empty') return null;
  const all = list.data?.saisines ?? [];
  const coordinator = can(me, 'saisine.triage', 'none');
  const asked = all.filter((s) => s.filer === me.organisation.code && s.state === 'needs_information').length;
  const toTriage = coordinator ? all.filter((s) => s.state === 'submitted').length : 0;
  const toAnswer = all.filter((s) => s.view === 'authority' && s.state === 'referred').length;
  const overdue = all.filter((s) => s.overdue && (coordinator || s.view === 'authority')).length;
  const changed = since ? all.filter((s) => s.updated_at > since).length : 0;
  // Each line leads to the part of the saisines page that lists those cases.
  const owed: [string, string][] = [];
  if (asked > 0) owed.push([t('home.sais.asked', { n: asked }), '/saisines#sais-mine']);
  if (toTriage > 0) owed.push([t('home.sais.to_triage', { n: toTriage }), '/saisines#sais-queue']);
  if (toAnswer > 0) owed.push([t('home.sais.to_answer', { n: toAnswer }), '/saisines#sais-inbox']);
  if (overdue > 0) owed.push([t('home.sais.overdue', { n: overdue }), coordinator ? '/saisines#sais-overdue' : '/saisines#sais-inbox']);
  return (
    <div data-testid="home-saisines">
      <h3 class="fr-h6">{t('home.sais.heading')}</h3>
      {owed.length === 0 ? (
        <p data-testid="home-saisines-owed">{t('home.sais.nothing_owed')}</p>
      ) : (
        <ul data-testid="home-saisines-owed">
          {owed.map(([line, href]) => (
            <li key={line}>
              <a href={href}>{line}</a>
            </li>
          ))}
        </ul>
      )}
      {since && <p data-testid="home-saisines-since">{changed === 0 ? t('home.sais.no_news') : t('home.sais.news', { n: changed })}</p>}
    </div>
  );
}
