// Numbers as each language writes them: French "10 000" (narrow no-break space) and "2,5",
// English "10,000" and "2.5". One place, so that no page shows "20000" on a French page.
import type { Lang } from '../i18n';

export function formatNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', options).format(value);
}
