// The accounts module in the web app: logging in, my account, the committee's directory,
// invitations, password resets and the audit viewer.
import type { WebModule } from '../../kit/module';
import { can } from '../../session';
import { Account } from './account';
import { AuditLog } from './audit';
import { Directory } from './directory';
import { Invitation } from './invitation';
import { Login } from './login';
import { messages } from './messages';
import { ForgotPassword, NewPassword } from './password-reset';

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
