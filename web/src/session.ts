// Who is logged in, as the server says (GET /api/v1/auth/session), and the CSRF token that
// every state-changing request must carry.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { getJson } from './kit/api';

export interface Me {
  user: { id: number; email: string; display_name: string; role: string; platform_admin: boolean; totp_enabled: boolean; language?: 'fr' | 'en' | null };
  organisation: { id: number; code: string; name: string; type: string; territory: string };
  csrf_token: string;
  permissions: Record<string, string[]>;
}

// True when the policy lets the user do `action` under `relation` (display hint only).
export const can = (me: Me | null, action: string, relation = 'own_organisation') => !!me?.permissions?.[action]?.includes(relation);

export async function fetchMe(): Promise<Me | null> {
  const s = await getJson<Partial<Me> & { authenticated: boolean }>('/api/v1/auth/session');
  return s.authenticated ? (s as Me) : null;
}

export interface SessionState {
  me: Me | null;
  loading: boolean;
  setMe: (me: Me | null) => void;
}

export const SessionContext = createContext<SessionState>({ me: null, loading: true, setMe: () => undefined });
export const useSession = () => useContext(SessionContext);
