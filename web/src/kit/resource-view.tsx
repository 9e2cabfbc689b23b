// The one rendering of a resource's states, as DSFR alerts: loading (role="status"), empty,
// not found, forbidden and signed out (information), error (role="alert") with a retry button.
// Pages word "empty" and "not found" in their own terms; the rest is the platform's.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import type { Resource } from './resource';

interface Props<T> {
  resource: Resource<T>;
  children: (data: T) => ComponentChildren;
  empty?: ComponentChildren; // shown instead of children when the data means "nothing yet"
  notFound?: ComponentChildren;
  forbidden?: ComponentChildren;
}

export function ResourceView<T>({ resource: r, children, empty, notFound, forbidden }: Props<T>) {
  const { t } = useI18n();
  switch (r.status) {
    case 'idle':
    case 'loading':
      return (
        <p role="status" data-resource-state="loading">
          {t('resource.loading')}
        </p>
      );
    case 'empty':
      return empty !== undefined ? <>{empty}</> : <>{children(r.data as T)}</>;
    case 'ready':
      return <>{children(r.data as T)}</>;
    case 'not_found':
      return <Notice state="not_found">{notFound ?? t('resource.not_found')}</Notice>;
    case 'forbidden':
      return <Notice state="forbidden">{forbidden ?? t('resource.forbidden')}</Notice>;
    case 'signed_out':
      return (
        <Notice state="signed_out">
          {t('resource.signed_out')} <a href="/connexion">{t('nav.login')}</a>
        </Notice>
      );
    default:
      return (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" data-resource-state="error">
          <p class="fr-alert__title">{t('resource.error')}</p>
          {r.error?.problem.request_id && <p class="fr-text--xs">{r.error.problem.request_id}</p>}
          <button class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-2w" type="button" onClick={() => r.reload()} disabled={r.reloading}>
            {t('resource.retry')}
          </button>
        </div>
      );
  }
}

function Notice({ state, children }: { state: string; children: ComponentChildren }) {
  return (
    <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status" data-resource-state={state}>
      <p>{children}</p>
    </div>
  );
}
