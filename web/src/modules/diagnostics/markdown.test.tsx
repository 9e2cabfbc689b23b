import { describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { blocks, inline, safeHref } from './markdown';

const el = (x: unknown) => x as VNode<{ href?: string; children?: unknown }>;

describe("a diagnostic's Markdown", () => {
  it('reads paragraphs with their line breaks, bulleted and numbered lists', () => {
    expect(blocks('Premier\nsuite\n\n- un\n- deux\n  continue\n\n1. a\n2) b\n')).toEqual([
      { kind: 'p', lines: ['Premier', 'suite'] },
      { kind: 'ul', items: ['un', 'deux continue'] },
      { kind: 'ol', items: ['a', 'b'] },
    ]);
  });

  it('links only to http and https addresses', () => {
    expect(safeHref('https://www.legifrance.gouv.fr/x')).toBe('https://www.legifrance.gouv.fr/x');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>', '/relative', 'vbscript:x', 'JaVaScRiPt:alert(1)']) expect(safeHref(bad)).toBeNull();
    const [a] = inline('[le rapport](https://example.org/r)');
    expect(el(a).type).toBe('a');
    expect(el(a).props.href).toBe('https://example.org/r');
    expect(inline('[piège](javascript:alert(1))').join('')).toContain('javascript:alert');
  });

  it('keeps HTML as the characters typed, and marks emphasis', () => {
    expect(inline('<img src=x onerror=alert(1)>')).toEqual(['<img src=x onerror=alert(1)>']);
    const parts = inline('un **fort** et *léger*');
    expect(parts[0]).toBe('un ');
    expect(el(parts[1]).type).toBe('strong');
    expect(el(parts[3]).type).toBe('em');
  });
});
