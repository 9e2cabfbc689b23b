// The field module in the web app: the statistics dashboard, my organisation's victim profiles
// and the form that records one, the import, who read my records, field signals and alerts.
import type { WebModule } from '../../kit/module';
import { AlertsPage } from './alerts';
import { can, type Me } from '../../session';
import { ImportPage } from './import';
import { messages } from './messages';
import { ReadsPage } from './reads';
import { NewRecordPage, RecordsPage } from './records';
import { SignalsPage } from './signals';
import { StatsPage } from './stats';

const statsReader = (me: Me | null) => can(me, 'field.stats_read', 'own_organisation');

export const field: WebModule = {
  name: 'field',
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
