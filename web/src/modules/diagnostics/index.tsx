// The diagnostics module in the web app: writing and reading diagnostics, a measure's field view,
// the divergence board and the notifications (with their unread count in the header).
import { lazyComponent } from '../../kit/lazy';
import type { WebModule } from '../../kit/module';
import { can, type Me } from '../../session';
import './diagnostics.css';
import { messages } from './messages';
import { UnreadCount } from './notifications';

// Each page is its own chunk, fetched when first shown (kit/lazy.tsx).
const BoardPage = lazyComponent(() => import('./board').then((m) => m.BoardPage));
const CallsPage = lazyComponent(() => import('./calls').then((m) => m.CallsPage));
const DiagnosticsHomeSummary = lazyComponent(() => import('./home-summary').then((m) => m.DiagnosticsHomeSummary));
const DiagnosticPage = lazyComponent(() => import('./diagnostic').then((m) => m.DiagnosticPage));
const FieldViewPage = lazyComponent(() => import('./field-view').then((m) => m.FieldViewPage));
const MyDiagnosticsPage = lazyComponent(() => import('./mine').then((m) => m.MyDiagnosticsPage));
const NotificationsPage = lazyComponent(() => import('./notifications').then((m) => m.NotificationsPage));
const EditDiagnosticPage = lazyComponent(() => import('./write').then((m) => m.EditDiagnosticPage));
const NewDiagnosticPage = lazyComponent(() => import('./write').then((m) => m.NewDiagnosticPage));

const reader = (me: Me | null) => !!me && (me.permissions['diagnostic.read'] ?? []).length > 0;

export const diagnostics: WebModule = {
  name: 'diagnostics',
  menuKey: 'nav.diagnostics',
  messages,
  routes: [
    { path: '/diagnostics', titleKey: 'diag.mine.heading', render: () => <MyDiagnosticsPage /> },
    { path: '/diagnostics/appels', titleKey: 'diag.calls.heading', render: () => <CallsPage /> },
    { path: '/diagnostics/nouveau', titleKey: 'diag.new.heading', render: () => <NewDiagnosticPage /> },
    { path: '/diagnostics/:id', titleKey: 'diag.page.title', render: ({ id }) => <DiagnosticPage id={id} key={id} /> },
    { path: '/diagnostics/:id/modifier', titleKey: 'diag.edit.heading', render: ({ id }) => <EditDiagnosticPage id={id} key={id} /> },
    { path: '/plan/mesures/:code/terrain', titleKey: 'diag.field_view.title', render: ({ code }) => <FieldViewPage code={code} key={code} /> },
    { path: '/divergence', titleKey: 'diag.board.heading', render: () => <BoardPage /> },
    { path: '/notifications', titleKey: 'diag.notifications.heading', render: () => <NotificationsPage /> },
  ],
  nav: [
    { href: '/diagnostics', labelKey: 'nav.diagnostics', visible: (me) => reader(me) && can(me, 'diagnostic.create', 'none'), current: (p) => p.startsWith('/diagnostics') && !p.startsWith('/diagnostics/appels') },
    { href: '/divergence', labelKey: 'nav.divergence', visible: reader },
    { href: '/diagnostics/appels', labelKey: 'nav.calls', visible: reader },
    { href: '/notifications', labelKey: 'nav.notifications', visible: reader, after: UnreadCount },
  ],
  home: [{ key: 'diagnostics', href: '/divergence', Summary: DiagnosticsHomeSummary, summaryFor: reader }],
};
