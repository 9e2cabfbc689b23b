import type { MessageKey } from './fr';

// English catalogue: must hold exactly the keys of the French one (checked by the compiler).
export const en: Record<MessageKey, string> = {
  'app.title': 'Vigie — Monitoring the national plan against trafficking',
  'app.service': 'Vigie',
  'app.tagline': 'Monitoring the national plan against trafficking',
  'app.home_link_title': 'Home — Vigie',
  'republic': 'République\nFrançaise',
  'skiplinks.label': 'Quick access',
  'skiplinks.content': 'Content',
  'skiplinks.menu': 'Menu',
  'skiplinks.footer': 'Footer',
  'header.menu': 'Menu',
  'header.close': 'Close',
  'header.main_menu': 'Main menu',
  'lang.select': 'Select a language',
  'lang.current_short': 'EN',
  'lang.current_long': 'English',
  'lang.fr': 'FR - Français',
  'lang.en': 'EN - English',
  'nav.home': 'Home',
  'home.page_title': 'Home',
  'home.heading': 'Vigie',
  'home.lead':
    "The shared monitoring platform of France's 2024-2027 national action plan against exploitation and trafficking in human beings, run by the MIPROF with ministries, prefectures, prosecutors' offices, police offices, associations, unions and independent bodies.",
  'home.principle':
    'A plan has succeeded only if the people on the ground find that it has: Vigie shows official progress side by side with what the field observes.',
  'home.modules_heading': 'What Vigie brings together',
  'home.module_state_upcoming': 'In preparation',
  'home.module.plan.title': 'Plan follow-up',
  'home.module.plan.desc': 'Axes, measures, actions, pilots, indicators and dated progress.',
  'home.module.diagnostics.title': 'Shared diagnostics',
  'home.module.diagnostics.desc':
    "The field's assessment of each measure, beside the official progress.",
  'home.module.field.title': 'Field reports',
  'home.module.field.desc':
    'Anonymised victim profiles and qualitative signals, published only as protected aggregates.',
  'home.module.saisines.title': 'Escalations (saisines)',
  'home.module.saisines.desc':
    'Documented blocking issues the coordinator takes up with prefectures and prosecutors.',
  'home.module.committee.title': 'Coordination committee',
  'home.module.committee.desc': 'Meetings, agendas, minutes and follow-up of decisions.',
  'home.module.operations.title': 'Reinforced operations',
  'home.module.operations.desc':
    'Information, detection and enforcement around major events, with daily figures.',
  'home.module.reports.title': 'Reports and open data',
  'home.module.reports.desc': 'Reports and datasets published after statistical disclosure control.',
  'status.heading': 'Service status',
  'status.checking': 'Checking…',
  'status.ready': 'Service available — version {version}, data schema {schema}.',
  'status.unavailable': 'The service is not answering right now. Try again in a moment.',
  'notfound.page_title': 'Page not found',
  'notfound.code': 'Error 404',
  'notfound.heading': 'Page not found',
  'notfound.lead': 'The page you are looking for cannot be found. We apologise for the inconvenience.',
  'notfound.detail':
    'If you typed the address in the browser, check that it is correct. The page may no longer be available.',
  'notfound.home': 'Home page',
  'footer.desc':
    'Vigie is the platform of the Interministerial mission for the protection of women against violence and the fight against trafficking in human beings (MIPROF). No data that could identify a victim is ever stored.',
  'footer.home_title': 'Back to the home page — Vigie — French Republic',
  'footer.new_window': 'new window',
  'footer.licence':
    'Unless third-party intellectual property is stated, the content of this site is offered under the etalab-2.0 licence',
  'cell.below_k':
    'Fewer than {k} persons: this figure is hidden by statistical confidentiality, so that nobody can be recognised.',
  'cell.protects_another_cell':
    'Hidden by statistical confidentiality: this figure would let another figure below {k} be recomputed.',
};
