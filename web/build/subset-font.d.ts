// The one function of the subset-font package (it ships no types): the subset of a font
// holding the glyphs of `text`, in the format asked.
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype' },
  ): Promise<Uint8Array>;
}
