// How the UI shows a cell that passed disclosure control: a number, or "< 11" with the
// reason, so a reader knows the figure exists and why it is hidden (secret statistique).

export interface ControlledCell {
  value: number | null;
  suppressed: boolean;
  reason?: 'below_k' | 'protects_another_cell';
}

export interface CellDisplay {
  text: string;
  explanationKey: 'cell.below_k' | 'cell.protects_another_cell' | null;
}

export function displayCell(cell: ControlledCell, k: number, locale: string): CellDisplay {
  if (!cell.suppressed && cell.value !== null)
    return { text: new Intl.NumberFormat(locale).format(cell.value), explanationKey: null };
  return {
    text: `< ${k}`,
    explanationKey: cell.reason === 'protects_another_cell' ? 'cell.protects_another_cell' : 'cell.below_k',
  };
}
