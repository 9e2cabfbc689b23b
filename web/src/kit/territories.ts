// The territories of France as the server knows them (kit/territory.hpp), read at build time
// from the shipped geography (data/taxonomies.json: INSEE's regions and départements, DROM
// included): national, every region ("R11"), every département ("93", "2A", "973").
import { geography } from '../../../data/taxonomies.json';

export interface Territory {
  code: string; // "national", "R11", "93"
  name: string;
  level: 'national' | 'region' | 'departement';
  region?: string; // a département's region ("R11")
}

// National, every region, then every département, in code order (as the server reads them).
export const TERRITORIES: readonly Territory[] = [
  { code: 'national', name: 'National', level: 'national' },
  ...geography.regions.map((r) => ({ code: `R${r.code}`, name: r.nom, level: 'region' as const })),
  ...geography.departements.map((d) => ({ code: d.code, name: d.nom, level: 'departement' as const, region: `R${d.region}` })),
];

export const territoryName = (code: string) => TERRITORIES.find((x) => x.code === code)?.name ?? code;

// "Seine-Saint-Denis (93)", "Île-de-France (R11)"; "national" in the reader's words is the
// caller's to say.
export const territoryLabel = (code: string) => {
  const name = territoryName(code);
  return name === code ? code : `${name} (${code})`;
};
