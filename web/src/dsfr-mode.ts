// Runs before the DSFR script (imported first by main.tsx): the app renders every part of the
// header itself, the mobile menu's copy of the tool links included, so the DSFR must not copy
// them once into the menu and leave them stale after login or logout. In "react" mode the DSFR
// never rewrites markup and waits for the app to call window.dsfr.start() after its first render.
window.dsfr = { mode: 'react' };
