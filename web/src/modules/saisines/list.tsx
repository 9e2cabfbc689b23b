// The saisines list: "my saisines" for the filing organisation, the coordinator's triage queue
// (submitted, oldest first, then the least documented) and every case it follows, and the
// authority's inbox (what was referred to it), then the caller's notifications. Each row links
// to the case page.
import { useI18n, type MessageKey } from '../../i18n';
import { formatDate } from '../../kit/dates';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { SaisineNotifications } from './notifications';
import { departementName, type Saisine } from './types';

export function SaisinesPage() {
  return <MemberPage>{(me) => <List me={me} />}</MemberPage>;
}

export const STATE_BADGE: Record<string, string> = {
  draft: 'fr-badge--new',
  submitted: 'fr-badge--info',
  needs_information: 'fr-badge--warning',
  accepted: 'fr-badge--info',
  referred: 'fr-badge--info',
  answered: 'fr-badge--info',
  resolved: 'fr-badge--success',
  not_resolved: 'fr-badge--error',
  closed: '',
  declined: 'fr-badge--error',
  withdrawn: '',
};

export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <p class={`fr-badge fr-badge--sm ${STATE_BADGE[state] ?? ''}`}>{t(`sais.state.${state}` as MessageKey)}</p>;
}

const done = (s: Saisine) => (s.checklist ?? []).filter((l) => l.done).length;

function List({ me }: { me: Me }) {
  const { t } = useI18n();
  const list = useResource<{ saisines: Saisine[] }>('/api/v1/saisines');
  const coordinator = can(me, 'saisine.triage', 'none');
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('sais.list.heading')}</h1>
      <p>{t('sais.list.lead')}</p>
      {can(me, 'saisine.file', 'none') && (
        <p>
          <a class="fr-btn" href="/saisines/nouvelle">
            {t('sais.list.new')}
          </a>
        </p>
      )}
      <ResourceView resource={list}>
        {(x) => {
          const mine = x.saisines.filter((s) => s.filer === me.organisation.code);
          const inbox = x.saisines.filter((s) => s.view === 'authority');
          const queue = x.saisines
            .filter((s) => s.state === 'submitted')
            .sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || done(a) - done(b));
          return (
            <>
              {coordinator && (
                <section class="fr-mt-4w" aria-labelledby="sais-queue">
                  <h2 id="sais-queue">{t('sais.list.queue')}</h2>
                  <p>{t('sais.list.queue_lead')}</p>
                  <Table rows={queue} caption={t('sais.list.queue_caption')} testId="saisine-queue" />
                </section>
              )}
              {coordinator && (
                <section class="fr-mt-4w" aria-labelledby="sais-overdue">
                  <h2 id="sais-overdue">{t('sais.list.overdue_heading')}</h2>
                  <p>{t('sais.list.overdue_lead')}</p>
                  <Table rows={x.saisines.filter((s) => s.overdue)} caption={t('sais.list.overdue_heading')} testId="saisine-overdue" />
                </section>
              )}
              {inbox.length > 0 && (
                <section class="fr-mt-4w" aria-labelledby="sais-inbox">
                  <h2 id="sais-inbox">{t('sais.list.inbox')}</h2>
                  <Table rows={inbox} caption={t('sais.list.inbox_caption', { org: me.organisation.name })} testId="saisine-inbox" />
                </section>
              )}
              {(mine.length > 0 || !coordinator) && inbox.length === 0 && (
                <section class="fr-mt-4w" aria-labelledby="sais-mine">
                  <h2 id="sais-mine">{t('sais.list.mine')}</h2>
                  <Table rows={mine} caption={t('sais.list.mine_caption', { org: me.organisation.name })} testId="saisine-mine" />
                </section>
              )}
              {coordinator && (
                <section class="fr-mt-4w" aria-labelledby="sais-all">
                  <h2 id="sais-all">{t('sais.list.all')}</h2>
                  <Table rows={x.saisines} caption={t('sais.list.all_caption')} testId="saisine-all" />
                </section>
              )}
            </>
          );
        }}
      </ResourceView>
      <SaisineNotifications me={me} />
    </div>
  );
}

function Table({ rows, caption, testId }: { rows: Saisine[]; caption: string; testId: string }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return <p data-testid={testId}>{t('sais.list.none')}</p>;
  return (
    <div class="fr-table fr-table--sm fr-table--no-caption">
      <table tabIndex={0} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sais.col.case')}</th>
            <th scope="col">{t('sais.col.category')}</th>
            <th scope="col">{t('sais.col.authority')}</th>
            <th scope="col">{t('sais.col.departement')}</th>
            <th scope="col">{t('sais.col.state')}</th>
            <th scope="col">{t('sais.col.checklist')}</th>
            <th scope="col">{t('sais.col.due')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-testid={`saisine-${s.id}`}>
              <td>
                <a href={`/saisines/${s.id}`}>{s.title ?? t('sais.case_number', { id: s.id })}</a>
              </td>
              <td>{t(`sais.category.${s.category}` as MessageKey)}</td>
              <td>{s.authority_name || s.authority}</td>
              <td>{s.departement ? `${s.departement} — ${departementName(s.departement)}` : ''}</td>
              <td>
                <StateBadge state={s.state} />
                {s.overdue && <p class="fr-badge fr-badge--sm fr-badge--warning">{t('sais.list.overdue')}</p>}
                {s.committee_flag && <p class="fr-badge fr-badge--sm fr-badge--error">{t('sais.list.committee')}</p>}
              </td>
              <td>{s.checklist ? t('sais.checklist_count', { done: done(s), total: s.checklist.length }) : ''}</td>
              <td>{formatDate(s.state === 'submitted' ? s.triage_due : s.state === 'referred' ? s.answer_due : null, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
