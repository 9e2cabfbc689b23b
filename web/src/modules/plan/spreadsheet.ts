// The plan's small input conventions: organisation codes typed in one field, and the media type
// the referential import expects for a chosen file.

// Organisation codes typed in one field, separated by spaces, commas or semicolons.
export const pilotCodes = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function spreadsheetType(name: string): string {
  return name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
}
