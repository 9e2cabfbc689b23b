// The parts of the DSFR the app uses, instead of the whole bundle (716 KB of CSS with the
// legacy copies for old browsers, 110 KB of JS): the core, the colour schemes, and only the
// components that appear in the app's markup, in the DSFR's own order (dist/dsfr.main.css).
// A page that starts using another component adds its line here; a component whose markup
// renders unstyled is the sign. Main builds only: the DSFR's legacy CSS targets browsers
// without CSS custom properties, which the app's scripts do not run on anyway.
import '@gouvfr/dsfr/dist/core/core.main.min.css';
// The Latin subsets of the Marianne faces, declared after the core's (web/build/fonts.ts).
import '../.fonts/marianne-latin.css';
import '@gouvfr/dsfr/dist/scheme/scheme.min.css';
import '@gouvfr/dsfr/dist/component/upload/upload.main.min.css';
import '@gouvfr/dsfr/dist/component/accordion/accordion.main.min.css';
import '@gouvfr/dsfr/dist/component/badge/badge.main.min.css';
import '@gouvfr/dsfr/dist/component/logo/logo.main.min.css';
import '@gouvfr/dsfr/dist/component/button/button.main.min.css';
import '@gouvfr/dsfr/dist/component/connect/connect.main.min.css';
import '@gouvfr/dsfr/dist/component/breadcrumb/breadcrumb.main.min.css';
import '@gouvfr/dsfr/dist/component/form/form.main.min.css';
import '@gouvfr/dsfr/dist/component/link/link.main.min.css';
import '@gouvfr/dsfr/dist/component/callout/callout.main.min.css';
import '@gouvfr/dsfr/dist/component/alert/alert.main.min.css';
import '@gouvfr/dsfr/dist/component/radio/radio.main.min.css';
import '@gouvfr/dsfr/dist/component/card/card.main.min.css';
import '@gouvfr/dsfr/dist/component/checkbox/checkbox.main.min.css';
import '@gouvfr/dsfr/dist/component/input/input.main.min.css';
import '@gouvfr/dsfr/dist/component/content/content.main.min.css';
import '@gouvfr/dsfr/dist/component/skiplink/skiplink.main.min.css';
import '@gouvfr/dsfr/dist/component/select/select.main.min.css';
import '@gouvfr/dsfr/dist/component/modal/modal.main.min.css';
import '@gouvfr/dsfr/dist/component/navigation/navigation.main.min.css';
import '@gouvfr/dsfr/dist/component/footer/footer.main.min.css';
import '@gouvfr/dsfr/dist/component/search/search.main.min.css';
import '@gouvfr/dsfr/dist/component/translate/translate.main.min.css';
import '@gouvfr/dsfr/dist/component/table/table.main.min.css';
import '@gouvfr/dsfr/dist/component/header/header.main.min.css';
import '@gouvfr/dsfr/dist/core/core.module.min.js';
import '@gouvfr/dsfr/dist/scheme/scheme.module.min.js';
import '@gouvfr/dsfr/dist/component/navigation/navigation.module.min.js';
import '@gouvfr/dsfr/dist/component/modal/modal.module.min.js';
import '@gouvfr/dsfr/dist/component/header/header.module.min.js';
