import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charactersOf, FACES, LATIN_RANGE, subsetStylesheet, unicodeRange } from './fonts';

const core = readFileSync(join(__dirname, '../../node_modules/@gouvfr/dsfr/dist/core/core.main.min.css'), 'utf8');

describe('the Latin subsets of Marianne', () => {
  it("declare a subset for every Marianne face of the DSFR's core, and only those", () => {
    const dsfr = [...core.matchAll(/@font-face\{[^}]*font-family:Marianne;font-style:(\w+);font-weight:(\d+);src:url\(\.\.\/fonts\/([\w-]+)\.woff2\)/g)]
      .map((m) => `${m[3]} ${m[1]} ${m[2]}`)
      .sort();
    expect(dsfr.length).toBe(8);
    expect(FACES.map((f) => `${f.file} ${f.style} ${f.weight}`).sort()).toEqual(dsfr);
  });

  it('cover French text: accents, œ, the euro, typographic quotes, apostrophe and spaces', () => {
    const text = charactersOf(LATIN_RANGE);
    for (const c of 'àâçéèêëîïôöùûüÿÀÂÇÉÈÊËÎÏÔÖÙÛÜŸœŒæÆ€«»’‘“”…–—\u202f\u00a0°')
      expect(text.includes(c), `${c} (U+${c.codePointAt(0)!.toString(16)})`).toBe(true);
    for (const c of 'șțğễ') expect(text.includes(c)).toBe(false);
  });

  it('write the CSS unicode-range of those characters', () => {
    expect(unicodeRange([[0, 0xff], [0x131, 0x131]])).toBe('U+0000-00FF, U+0131');
    const sheet = subsetStylesheet();
    expect(sheet.match(/@font-face/g)?.length).toBe(8);
    expect(sheet).toContain('font-style:italic;font-weight:500;src:url(./Marianne-Medium_Italic-latin.woff2) format("woff2");unicode-range:U+0000-00FF, U+0131, U+0152-0153');
  });
});
