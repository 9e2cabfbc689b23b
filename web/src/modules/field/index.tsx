// The field module in the web app: the statistics dashboard, my organisation's victim profiles
// and the form that records one, the import, who read my records, field signals and alerts.
import { lazyComponent } from '../../kit/lazy';
import type { WebModule } from '../../kit/module';
import { can, type Me } from '../../session';
import { messages } from './messages';

// Each page is its own chunk, fetched when first shown (kit/lazy.tsx).
const AlertsPage = lazyComponent(() => import('./alerts').then((m) => m.AlertsPage));
const ImportPage = lazyComponent(() => import('./import').then((m) => m.ImportPage));
const ReadsPage = lazyComponent(() => import('./reads').then((m) => m.ReadsPage));
const NewRecordPage = lazyComponent(() => import('./records').then((m) => m.NewRecordPage));
const RecordsPage = lazyComponent(() => import('./records').then((m) => m.RecordsPage));
const SignalsPage = lazyComponent(() => import('./signals').then((m) => m.SignalsPage));
const StatsPage = lazyComponent(() => import('./stats').then((m) => m.StatsPage));

const statsReader = (me: Me | null) => can(me, 'field.stats_read', 'own_organisation');

export const field: WebModule = {
  name: 'field',
  menuKey: 'nav.field',
  messages,
  routes: [
    { path: '/terrain', titleKey: 'field.stats.heading', render: () => <StatsPage /> },
    { path: '/terrain/profils', titleKey: 'field.records.heading', render: () => <RecordsPage /> },
    { path: '/terrain/profils/nouveau', titleKey: 'field.new.heading', render: () => <NewRecordPage /> },
    { path: '/terrain/import', titleKey: 'field.import.heading', render: () => <ImportPage /> },
    { path: '/terrain/lectures', titleKey: 'field.reads.heading', render: () => <ReadsPage /> },
    { path: '/terrain/alertes', titleKey: 'field.alerts.heading', render: () => <AlertsPage /> },
    { path: '/terrain/signaux', titleKey: 'field.signals.heading', render: () => <SignalsPage /> },
  ],
  nav: [
    { href: '/terrain', labelKey: 'nav.field', visible: statsReader, current: (p) => p === '/terrain' || p.startsWith('/terrain/profils') || p.startsWith('/terrain/import') || p.startsWith('/terrain/lectures') || p.startsWith('/terrain/alertes') },
    { href: '/terrain/signaux', labelKey: 'nav.field_signals', visible: (me) => can(me, 'field.signal_read', 'own_organisation') },
  ],
  home: [{ key: 'field', href: '/terrain' }],
};
