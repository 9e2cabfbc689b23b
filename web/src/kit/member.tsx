// The member-page guard: a page for logged-in members only. While the session is being checked
// it shows "loading"; without a session it sends the visitor to the login page, which returns
// to the page asked for once logged in (/connexion?retour=/plan/mesures/A1.a).
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession, type Me } from '../session';

export const LOGIN_PATH = '/connexion';
export const RETURN_PARAM = 'retour';

// The login page's address that comes back to `path` (with its query) after login.
export const loginPathFor = (path: string) => (path && path !== '/' ? `${LOGIN_PATH}?${RETURN_PARAM}=${encodeURIComponent(path)}` : LOGIN_PATH);

// Where the login page goes after a login: the page asked for when it is a path of this site,
// else `fallback`. Never another origin ("//evil", "https://…", "/\\evil").
export function returnPath(search: string, fallback: string): string {
  const asked = new URLSearchParams(search).get(RETURN_PARAM);
  if (!asked || !asked.startsWith('/') || asked.startsWith('//') || asked.startsWith('/\\') || asked.startsWith(LOGIN_PATH)) return fallback;
  return asked;
}

// The member, or null while the session is being checked or when there is none (then the
// visitor is already on the way to the login page).
export function useMember(): Me | null {
  const { me, loading } = useSession();
  useEffect(() => {
    if (!loading && !me) navigate(loginPathFor(window.location.pathname + window.location.search));
  }, [loading, me]);
  return loading ? null : me;
}

// Renders `children(me)` for a member; "loading" otherwise.
export function MemberPage({ children }: { children: (me: Me) => ComponentChildren }) {
  const { t } = useI18n();
  const me = useMember();
  if (!me)
    return (
      <div class="fr-container fr-my-6w">
        <p role="status">{t('status.checking')}</p>
      </div>
    );
  return <>{children(me)}</>;
}
