import { describe, expect, it } from 'vitest';
import { pilotCodes, spreadsheetType } from './spreadsheet';

describe('plan input conventions', () => {
  it('sends .xlsx files as spreadsheets and anything else as CSV', () => {
    expect(spreadsheetType('Plan.XLSX')).toContain('spreadsheetml');
    expect(spreadsheetType('plan.csv')).toBe('text/csv');
  });

  it('reads pilot codes separated by spaces, commas or semicolons', () => {
    expect(pilotCodes(' DGT, DGPN;DGGN  OFII ')).toEqual(['DGT', 'DGPN', 'DGGN', 'OFII']);
    expect(pilotCodes('   ')).toEqual([]);
  });
});
