// A component whose code is fetched when it is first shown: each module's pages are their own
// chunks, so that a first visit downloads the shell and the page it opens, not every page of
// every module. While the chunk loads, a "loading" status takes the page's place (the router
// waits for the heading before moving focus, see router.ts); if it cannot be fetched, the
// reader is told, and the next visit of the page tries again.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const { t } = useI18n();
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      (pending ??= load())
        .then((c) => {
          loaded = c;
          if (live) setComponent(() => c);
        })
        .catch(() => {
          pending = null;
          if (live) setFailed(true);
        });
      return () => {
        live = false;
      };
    }, []);
    if (failed)
      return (
        <div class="fr-container fr-my-6w">
          <div class="fr-alert fr-alert--error" role="alert">
            <p>{t('error.unreachable')}</p>
          </div>
        </div>
      );
    if (!component)
      return (
        <div class="fr-container fr-my-6w" data-resource-state="loading" role="status">
          <p class="fr-text--sm">{t('resource.loading')}</p>
        </div>
      );
    const C = component;
    return <C {...props} />;
  };
}
