// The diagnostics notifications: the unread count beside the header's "Notifications" entry,
// and the page that lists them (newest first) and marks them read (the kit's inbox). A reply,
// a comment or a page visit tells the count to refresh through notificationsChanged().
import { useI18n, type MessageKey } from '../../i18n';
import { inboxChanged, InboxList, UnreadBadge } from '../../kit/inbox';
import { MemberPage } from '../../kit/member';
import type { Me } from '../../session';
import { dayLabel } from './format';
import type { Notification } from './types';

const EVENT = 'vigie:notifications';
const URL = '/api/v1/diagnostics/notifications';
export const notificationsChanged = () => inboxChanged(EVENT);

export function UnreadCount({ me }: { me: Me | null }) {
  const { t } = useI18n();
  return <UnreadBadge me={me} url={URL} event={EVENT} label={(n) => t('diag.unread', { n })} testId="notifications-unread" />;
}

export function NotificationsPage() {
  return <MemberPage>{(me) => <Inbox me={me} />}</MemberPage>;
}

function Inbox({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const wording = (n: Notification) => (['reply', 'comment', 'published'].includes(n.kind) ? (`diag.notif.${n.kind}` as MessageKey) : 'diag.notif.other');
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('diag.notifications.heading')}</h1>
      <InboxList<Notification>
        me={me}
        url={URL}
        readUrl={`${URL}/read`}
        event={EVENT}
        testId="notifications"
        words={{ none: t('diag.notifications.none'), new: t('diag.notifications.new'), markRead: t('diag.notifications.mark_read'), marked: t('diag.notifications.marked') }}
        item={(n) => (
          <>
            <a href={`/diagnostics/${n.diagnostic}`}>{t(wording(n), { measure: n.measure })}</a> <span class="fr-text--sm">— {t('diag.notif.on', { date: dayLabel(n.created_at, lang) })}</span>
          </>
        )}
      />
    </div>
  );
}
