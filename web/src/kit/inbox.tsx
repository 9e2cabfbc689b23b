// A module's in-app notifications, as every module shows them: the unread count beside the
// header's entry (refreshed on every page change and when the module says its inbox changed),
// and the list, newest first, with "mark as read". The module brings its URLs and its words;
// what one notification says and where it leads is the module's (`item`).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getJson, postJson } from './api';
import { FormSummary, useForm } from './form';
import { useResource } from './resource';
import { ResourceView } from './resource-view';
import { usePath } from '../router';
import type { Me } from '../session';

export interface InboxItem {
  id: number;
  read: boolean;
}
interface Inbox<N> {
  unread: number;
  notifications: N[];
}

// Tells the unread counts listening to `event` to refresh (after a read, a reply…).
export const inboxChanged = (event: string) => window.dispatchEvent(new Event(event));

export function UnreadBadge({ me, url, event, label, testId }: { me: Me | null; url: string; event: string; label: (n: number) => string; testId: string }) {
  const path = usePath();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const on = () => setTick((n) => n + 1);
    window.addEventListener(event, on);
    return () => window.removeEventListener(event, on);
  }, [event]);
  useEffect(() => {
    if (!me) return setUnread(0);
    const controller = new AbortController();
    getJson<Inbox<InboxItem>>(url, controller.signal)
      .then((x) => setUnread(x.unread))
      .catch(() => undefined); // the count is a hint: the list says why it cannot load
    return () => controller.abort();
  }, [me, path, tick, url]);
  if (unread === 0) return null;
  return (
    <span class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon fr-ml-1v" data-testid={testId}>
      {/* Read once by screen readers: the sentence, not the bare number and then the sentence. */}
      <span aria-hidden="true">{unread}</span>
      <span class="fr-sr-only"> {label(unread)}</span>
    </span>
  );
}

export interface InboxWords {
  none: string; // no notification at all
  new: string; // the badge of an unread one
  markRead: string;
  marked: string;
}

export function InboxList<N extends InboxItem>({ me, url, readUrl, event, words, testId, item }: { me: Me; url: string; readUrl: string; event: string; words: InboxWords; testId: string; item: (n: N) => ComponentChildren }) {
  const inbox = useResource<Inbox<N>>(url, { isEmpty: (x) => x.notifications.length === 0 });
  const form = useForm({});
  const onRead = form.submit(() => postJson(readUrl, {}, me.csrf_token), {
    onSuccess: () => {
      inboxChanged(event);
      inbox.reload();
    },
  });
  return (
    <ResourceView resource={inbox} empty={<p>{words.none}</p>}>
      {(x) => (
        <>
          <ul class="vigie-notifications" data-testid={testId}>
            {x.notifications.map((n) => (
              <li key={n.id} class={n.read ? undefined : 'vigie-notifications__unread'}>
                {!n.read && <p class="fr-badge fr-badge--sm fr-badge--new fr-mr-1w">{words.new}</p>}
                {item(n)}
              </li>
            ))}
          </ul>
          <form onSubmit={onRead} noValidate>
            <FormSummary form={form} success={form.saved && words.marked} />
            {x.unread > 0 && (
              <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
                {words.markRead}
              </button>
            )}
          </form>
        </>
      )}
    </ResourceView>
  );
}
