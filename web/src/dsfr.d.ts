declare module '@gouvfr/dsfr/dist/dsfr.module.min.js';
