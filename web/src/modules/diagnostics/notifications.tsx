// The diagnostics notifications: the unread count beside the header's "Notifications" entry,
// and the page that lists them (newest first) and marks them read. A reply, a comment or a
// page visit tells the count to refresh through notificationsChanged().
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { getJson, postJson } from '../../kit/api';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { usePath } from '../../router';
import type { Me } from '../../session';
import { dayLabel } from './format';
import type { Notification } from './types';

const EVENT = 'vigie:notifications';
export const notificationsChanged = () => window.dispatchEvent(new Event(EVENT));

interface Inbox {
  unread: number;
  notifications: Notification[];
}

// The unread count, refreshed on every page change and whenever notificationsChanged() is called.
export function UnreadCount({ me }: { me: Me | null }) {
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
    getJson<Inbox>('/api/v1/diagnostics/notifications', controller.signal)
      .then((x) => setUnread(x.unread))
      .catch(() => undefined); // the count is a hint: the page says why it cannot load
    return () => controller.abort();
  }, [me, path, tick]);
  if (unread === 0) return null;
  return (
    <span class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon fr-ml-1v" data-testid="notifications-unread">
      {unread}
      <span class="fr-sr-only"> {t('diag.unread', { n: unread })}</span>
    </span>
  );
}

export function NotificationsPage() {
  return <MemberPage>{(me) => <Inbox me={me} />}</MemberPage>;
}

function Inbox({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const inbox = useResource<Inbox>('/api/v1/diagnostics/notifications', { isEmpty: (x) => x.notifications.length === 0 });
  const form = useForm({});
  const onRead = form.submit(() => postJson('/api/v1/diagnostics/notifications/read', {}, me.csrf_token), {
    onSuccess: () => {
      notificationsChanged();
      inbox.reload();
    },
  });
  const wording = (n: Notification) => (['reply', 'comment', 'published'].includes(n.kind) ? (`diag.notif.${n.kind}` as MessageKey) : 'diag.notif.other');
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('diag.notifications.heading')}</h1>
      <ResourceView resource={inbox} empty={<p>{t('diag.notifications.none')}</p>}>
        {(x) => (
          <>
            <ul class="vigie-notifications" data-testid="notifications">
              {x.notifications.map((n) => (
                <li key={n.id} class={n.read ? undefined : 'vigie-notifications__unread'}>
                  {!n.read && <p class="fr-badge fr-badge--sm fr-badge--new fr-mr-1w">{t('diag.notifications.new')}</p>}
                  <a href={`/diagnostics/${n.diagnostic}`}>{t(wording(n), { measure: n.measure })}</a> <span class="fr-text--sm">— {t('diag.notif.on', { date: dayLabel(n.created_at, lang) })}</span>
                </li>
              ))}
            </ul>
            <form onSubmit={onRead} noValidate>
              <FormSummary form={form} success={form.saved && t('diag.notifications.marked')} />
              {x.unread > 0 && (
                <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
                  {t('diag.notifications.mark_read')}
                </button>
              )}
            </form>
          </>
        )}
      </ResourceView>
    </div>
  );
}
