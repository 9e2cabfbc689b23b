// The saisines' in-app notifications (the kit's inbox): the unread count beside the header's
// "Saisines" entry, and the list on the saisines page (newest first, each linking to its case)
// with "mark as read". A notification carries only the case's id, its state, the kind of event
// and the date (narratives are sealed at rest and never leave the case page).
import { useI18n, type MessageKey } from '../../i18n';
import { formatDate } from '../../kit/dates';
import { InboxList, UnreadBadge } from '../../kit/inbox';
import type { Me } from '../../session';

const EVENT = 'vigie:saisine-notifications';
const URL = '/api/v1/saisines/notifications';

interface Notification {
  id: number;
  saisine: number;
  kind: string; // transition | message | reminder
  state: string;
  created_at: string;
  read: boolean;
}

export function SaisinesUnreadCount({ me }: { me: Me | null }) {
  const { t } = useI18n();
  return <UnreadBadge me={me} url={URL} event={EVENT} label={(n) => t('sais.notif.unread', { n })} testId="saisines-unread" />;
}

export function SaisineNotifications({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const wording = (n: Notification) => (['transition', 'message', 'reminder'].includes(n.kind) ? (`sais.notif.${n.kind}` as MessageKey) : 'sais.notif.other');
  return (
    <section class="fr-mt-4w" aria-labelledby="sais-notif-heading">
      <h2 class="fr-h4" id="sais-notif-heading">{t('sais.notif.heading')}</h2>
      <InboxList<Notification>
        me={me}
        url={URL}
        readUrl={`${URL}/read`}
        event={EVENT}
        testId="saisine-notifications"
        words={{ none: t('sais.notif.none'), new: t('sais.notif.new'), markRead: t('sais.notif.mark_read'), marked: t('sais.notif.marked') }}
        item={(n) => (
          <>
            <a href={`/saisines/${n.saisine}`}>{t(wording(n), { id: n.saisine, state: t(`sais.state.${n.state}` as MessageKey) })}</a>{' '}
            <span class="fr-text--sm">— {formatDate(n.created_at.slice(0, 10), lang)}</span>
          </>
        )}
      />
    </section>
  );
}
