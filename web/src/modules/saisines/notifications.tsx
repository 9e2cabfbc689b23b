// The saisines' in-app notifications, after the diagnostics' pattern: the unread count beside the
// header's "Saisines" entry, and the list on the saisines page (newest first, each linking to its
// case) with "mark as read". A notification carries only the case's id, its state, the kind of
// event and the date (narratives are sealed at rest and never leave the case page). Marking
// them read tells the count to refresh through saisineNotificationsChanged().
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { getJson, postJson } from '../../kit/api';
import { formatDate } from '../../kit/dates';
import { FormSummary, useForm } from '../../kit/form';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { usePath } from '../../router';
import type { Me } from '../../session';

const EVENT = 'vigie:saisine-notifications';
const changed = () => window.dispatchEvent(new Event(EVENT));

interface Notification {
  id: number;
  saisine: number;
  kind: string; // transition | message | reminder
  state: string;
  created_at: string;
  read: boolean;
}
interface Inbox {
  unread: number;
  notifications: Notification[];
}

// The unread count, refreshed on every page change and when the list is marked read.
export function SaisinesUnreadCount({ me }: { me: Me | null }) {
  const { t } = useI18n();
  const path = usePath();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const on = () => setTick((n) => n + 1);
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, []);
  useEffect(() => {
    if (!me) return setUnread(0);
    const controller = new AbortController();
    getJson<Inbox>('/api/v1/saisines/notifications', controller.signal)
      .then((x) => setUnread(x.unread))
      .catch(() => undefined); // the count is a hint: the list says why it cannot load
    return () => controller.abort();
  }, [me, path, tick]);
  if (unread === 0) return null;
  return (
    <span class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon fr-ml-1v" data-testid="saisines-unread">
      {unread}
      <span class="fr-sr-only"> {t('sais.notif.unread', { n: unread })}</span>
    </span>
  );
}

export function SaisineNotifications({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const inbox = useResource<Inbox>('/api/v1/saisines/notifications', { isEmpty: (x) => x.notifications.length === 0 });
  const form = useForm({});
  const onRead = form.submit(() => postJson('/api/v1/saisines/notifications/read', {}, me.csrf_token), {
    onSuccess: () => {
      changed();
      inbox.reload();
    },
  });
  const wording = (n: Notification) => (['transition', 'message', 'reminder'].includes(n.kind) ? (`sais.notif.${n.kind}` as MessageKey) : 'sais.notif.other');
  return (
    <section class="fr-mt-4w" aria-labelledby="sais-notif-heading">
      <h2 class="fr-h4" id="sais-notif-heading">{t('sais.notif.heading')}</h2>
      <ResourceView resource={inbox} empty={<p>{t('sais.notif.none')}</p>}>
        {(x) => (
          <>
            <ul data-testid="saisine-notifications">
              {x.notifications.map((n) => (
                <li key={n.id}>
                  {!n.read && <p class="fr-badge fr-badge--sm fr-badge--new fr-mr-1w">{t('sais.notif.new')}</p>}
                  <a href={`/saisines/${n.saisine}`}>{t(wording(n), { id: n.saisine, state: t(`sais.state.${n.state}` as MessageKey) })}</a>{' '}
                  <span class="fr-text--sm">— {formatDate(n.created_at.slice(0, 10), lang)}</span>
                </li>
              ))}
            </ul>
            <form onSubmit={onRead} noValidate>
              <FormSummary form={form} success={form.saved && t('sais.notif.marked')} />
              {x.unread > 0 && (
                <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
                  {t('sais.notif.mark_read')}
                </button>
              )}
            </form>
          </>
        )}
      </ResourceView>
    </section>
  );
}
