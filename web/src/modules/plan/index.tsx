// The plan module in the web app: the plan tree (public and members), a measure's page, the
// coordination's referential and campaigns, and "my reporting".
import type { WebModule } from '../../kit/module';
import { can } from '../../session';
import { CampaignsPage } from './campaigns';
import { PlanHomeSummary } from './home-summary';
import { MeasurePage } from './measure';
import { messages } from './messages';
import { PlanPage } from './plan';
import { ReferentialPage } from './referential';
import { ReportingPage } from './reporting';

const member = (me: Parameters<typeof can>[0]) => !!me && can(me, 'plan.read', 'none');

export const plan: WebModule = {
  name: 'plan',
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
