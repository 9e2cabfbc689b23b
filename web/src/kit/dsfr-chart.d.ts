// dsfr-chart ships JavaScript without types; its modules register custom elements when imported.
declare module '@gouvfr/dsfr-chart/MapChart';
declare module '@gouvfr/dsfr-chart/MapChart/css';
