// The saisines module in the web app: the list (my saisines, the triage queue, the authority's
// inbox) with the caller's notifications, filing and completing a saisine, the case page and the
// figures with the map of recurring blocks; the unread count beside the header's entry.
import { lazyComponent } from '../../kit/lazy';
import type { WebModule } from '../../kit/module';
import { can, type Me } from '../../session';
import { messages } from './messages';
import { SaisinesUnreadCount } from './notifications';
import './saisines.css';

// Each page is its own chunk, fetched when first shown (kit/lazy.tsx).
const SaisinePage = lazyComponent(() => import('./case').then((m) => m.SaisinePage));
const FiguresPage = lazyComponent(() => import('./figures').then((m) => m.FiguresPage));
const SaisinesHomeSummary = lazyComponent(() => import('./home-summary').then((m) => m.SaisinesHomeSummary));
const SaisinesPage = lazyComponent(() => import('./list').then((m) => m.SaisinesPage));
const EditSaisinePage = lazyComponent(() => import('./write').then((m) => m.EditSaisinePage));
const NewSaisinePage = lazyComponent(() => import('./write').then((m) => m.NewSaisinePage));

const member = (me: Me | null) => !!me && (me.permissions['saisine.list'] ?? []).length > 0;

export const saisines: WebModule = {
  name: 'saisines',
  menuKey: 'nav.saisines',
  messages,
  routes: [
    { path: '/saisines', titleKey: 'sais.list.heading', render: () => <SaisinesPage /> },
    { path: '/saisines/nouvelle', titleKey: 'sais.new.heading', render: () => <NewSaisinePage /> },
    { path: '/saisines/chiffres', titleKey: 'sais.figures.heading', render: () => <FiguresPage /> },
    { path: '/saisines/:id', titleKey: 'sais.page.title', render: ({ id }) => <SaisinePage id={id} key={id} /> },
    { path: '/saisines/:id/modifier', titleKey: 'sais.edit.heading', render: ({ id }) => <EditSaisinePage id={id} key={id} /> },
  ],
  home: [{ key: 'saisines', href: '/saisines', Summary: SaisinesHomeSummary, summaryFor: member }],
  nav: [
    { href: '/saisines', labelKey: 'nav.saisines', visible: member, current: (p) => p.startsWith('/saisines') && p !== '/saisines/chiffres', after: SaisinesUnreadCount },
    { href: '/saisines/chiffres', labelKey: 'nav.saisines_figures', visible: (me) => member(me) && can(me, 'saisine.figures', 'none') },
  ],
};
