// The accounts module in the web app: logging in, my account, the committee's directory,
// invitations, password resets and the audit viewer.
import { lazyComponent } from '../../kit/lazy';
import type { WebModule } from '../../kit/module';
import { can } from '../../session';
import { messages } from './messages';

// Each page is its own chunk, fetched when first shown (kit/lazy.tsx).
const Account = lazyComponent(() => import('./account').then((m) => m.Account));
const AuditLog = lazyComponent(() => import('./audit').then((m) => m.AuditLog));
const Directory = lazyComponent(() => import('./directory').then((m) => m.Directory));
const Invitation = lazyComponent(() => import('./invitation').then((m) => m.Invitation));
const Login = lazyComponent(() => import('./login').then((m) => m.Login));
const ForgotPassword = lazyComponent(() => import('./password-reset').then((m) => m.ForgotPassword));
const NewPassword = lazyComponent(() => import('./password-reset').then((m) => m.NewPassword));

export const accounts: WebModule = {
  name: 'accounts',
  messages,
  routes: [
    { path: '/connexion', titleKey: 'login.page_title', render: () => <Login /> },
    { path: '/compte', titleKey: 'account.page_title', render: () => <Account /> },
    { path: '/annuaire', titleKey: 'directory.heading', render: () => <Directory /> },
    { path: '/journal', titleKey: 'audit.heading', render: () => <AuditLog /> },
    { path: '/mot-de-passe-oublie', titleKey: 'reset.page_title', render: () => <ForgotPassword /> },
    { path: '/invitation/:token', titleKey: 'invitation.page_title', render: ({ token }) => <Invitation token={token} /> },
    { path: '/mot-de-passe/:token', titleKey: 'reset.new_heading', render: ({ token }) => <NewPassword token={token} /> },
  ],
  nav: [
    { href: '/annuaire', labelKey: 'directory.heading', visible: (me) => !!me },
    { href: '/journal', labelKey: 'audit.heading', visible: (me) => !!me && (can(me, 'audit.read_all', 'none') || can(me, 'audit.read_own_organisation')) },
  ],
};
