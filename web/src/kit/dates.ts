// Dates as the UI shows them: one format per language, never ISO (French 22/12/2026, English
// 22 Dec 2026). Server dates are "YYYY-MM-DD" or ISO timestamps in UTC; a day is read as a UTC
// day, so it never shifts by the browser's time zone.
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return lang === 'en'
    ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d)
    : new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d);
}
