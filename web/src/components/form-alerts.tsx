// The two DSFR alerts above a form: what was saved (role="status"), and why nothing was
// (role="alert": the form-wide error, or `summary` when only fields are at fault — each
// field shows its own message next to it).
import type { ComponentChildren } from 'preact';

export function FormAlerts({ success, errors, summary }: { success?: ComponentChildren; errors: Record<string, string>; summary?: string }) {
  const failure = errors.form ?? (Object.keys(errors).length > 0 ? summary : undefined);
  return (
    <>
      {success && (
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{success}</p>
        </div>
      )}
      {failure && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{failure}</p>
        </div>
      )}
    </>
  );
}
