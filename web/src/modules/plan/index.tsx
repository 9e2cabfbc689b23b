// The plan module in the web app: the plan tree (public and members), a measure's page, the
// coordination's referential and campaigns, and "my reporting".
import { lazyComponent } from '../../kit/lazy';
import type { WebModule } from '../../kit/module';
import { can } from '../../session';
import { messages } from './messages';

// Each page is its own chunk, fetched when first shown (kit/lazy.tsx).
const CampaignsPage = lazyComponent(() => import('./campaigns').then((m) => m.CampaignsPage));
const PlanHomeSummary = lazyComponent(() => import('./home-summary').then((m) => m.PlanHomeSummary));
const MeasurePage = lazyComponent(() => import('./measure').then((m) => m.MeasurePage));
const PlanPage = lazyComponent(() => import('./plan').then((m) => m.PlanPage));
const ReferentialPage = lazyComponent(() => import('./referential').then((m) => m.ReferentialPage));
const ReportingPage = lazyComponent(() => import('./reporting').then((m) => m.ReportingPage));

const member = (me: Parameters<typeof can>[0]) => !!me && can(me, 'plan.read', 'none');

export const plan: WebModule = {
  name: 'plan',
  menuKey: 'nav.plan',
  messages,
  routes: [
    { path: '/plan', titleKey: 'nav.plan', render: () => <PlanPage /> },
    { path: '/plan/referentiel', titleKey: 'referential.heading', render: () => <ReferentialPage /> },
    { path: '/plan/mesures/:code', titleKey: 'nav.plan', render: ({ code }) => <MeasurePage code={code} /> },
    { path: '/reporting', titleKey: 'reporting.heading', render: () => <ReportingPage /> },
    { path: '/campagnes', titleKey: 'campaigns.heading', render: () => <CampaignsPage /> },
  ],
  nav: [
    { href: '/plan', labelKey: 'nav.plan', current: (p) => p === '/plan' || p.startsWith('/plan/') },
    { href: '/reporting', labelKey: 'nav.reporting', visible: member },
    { href: '/campagnes', labelKey: 'nav.campaigns', visible: member },
  ],
  home: [{ key: 'plan', href: '/plan', Summary: PlanHomeSummary, summaryFor: member }],
};
