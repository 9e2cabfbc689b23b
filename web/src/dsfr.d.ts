declare module '@gouvfr/dsfr/dist/dsfr.module.min.js';

interface Window {
  // The DSFR's configuration before its script runs, its API afterwards.
  dsfr?: { mode?: string; start?: () => void };
}
