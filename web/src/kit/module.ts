// What a feature module gives the web app: its pages (routes), its header entries and its
// FR/EN catalogue, all from web/src/modules/<m>/. The app's router, the header and the i18n
// core read the registry (web/src/modules/index.ts) and name no module themselves.
import type { ComponentChildren, ComponentType } from 'preact';
import type { MessageKey } from '../i18n';
import type { Me } from '../session';

export interface ModuleRoute {
  // "/plan", "/plan/mesures/:code": a ":name" segment matches one non-empty segment, decoded.
  path: string;
  titleKey: MessageKey; // the document title, before " — Vigie…"
  render: (params: Record<string, string>) => ComponentChildren;
}

export interface NavEntry {
  href: string;
  labelKey: MessageKey;
  visible?: (me: Me | null) => boolean; // default: everyone
  current?: (path: string) => boolean; // default: the path is href
  after?: ComponentType<{ me: Me | null }>; // shown after the label inside the link (an unread count)
}

// A module's card on the home page (`key`: the home page's name for it, "plan", "field"…): it is
// shown as available, leads to `href`, and, for a logged-in user, its Summary says what their
// organisation owes and what changed since their previous visit (`since`, null for a first one).
export interface HomeCard {
  key: string;
  href: string;
  Summary?: ComponentType<{ me: Me; since: string | null }>;
  summaryFor?: (me: Me) => boolean; // who may read what the Summary fetches (default: everyone)
}

export interface WebModule {
  name: string;
  routes: ModuleRoute[];
  nav: NavEntry[];
  // The header's menu of the module's entries when more than one is visible (the DSFR's
  // sub-menu, so that the header fits one line at 1280 px); one visible entry stays a link.
  menuKey?: MessageKey;
  home?: HomeCard[];
  messages: { fr: Record<string, string>; en: Record<string, string> };
}

// The params of `path` when it matches `pattern`, else null.
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

// The first route of the first module that matches `path`.
export function findRoute(modules: readonly WebModule[], path: string): { route: ModuleRoute; params: Record<string, string> } | null {
  for (const m of modules)
    for (const route of m.routes) {
      const params = matchRoute(route.path, path);
      if (params) return { route, params };
    }
  return null;
}
