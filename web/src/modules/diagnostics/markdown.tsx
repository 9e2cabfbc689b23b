// A diagnostic's Markdown, rendered safely: paragraphs (line breaks kept), bulleted and numbered
// lists, *emphasis*, **strong** and [links](https://…) to http and https addresses only. The
// result is Preact elements built from text — never HTML from the text — so a "<script>" or an
// "onerror=" typed in a diagnostic shows as the characters typed. Anything else stays as typed.
import type { ComponentChildren, VNode } from 'preact';

export type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

// The blocks of a text: a blank line ends a paragraph or a list; a list item's next lines that
// are not items continue it.
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const b = BULLET.exec(line);
    const n = b ? null : NUMBERED.exec(line);
    const kind = b ? 'ul' : n ? 'ol' : null;
    if (kind) {
      if (!current || current.kind !== kind) out.push((current = { kind, items: [] }));
      current.items.push((b ?? n)![1]);
    } else if (current && current.kind !== 'p') {
      current.items[current.items.length - 1] += ' ' + line.trim();
    } else {
      if (!current) out.push((current = { kind: 'p', lines: [] }));
      current.lines.push(line.trim());
    }
  }
  return out;
}

// Only web addresses are links; "javascript:", "data:" and relative paths stay text.
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\n]+)\*|_([^_\n]+)_/g;

// The inline parts of a line: text, strong, emphasis and links (never nested HTML).
export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[1] !== undefined) {
      const href = safeHref(m[2]);
      out.push(
        href ? (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {m[1]}
          </a>
        ) : (
          m[0]
        ),
      );
    } else if (m[3] !== undefined || m[4] !== undefined) out.push(<strong>{m[3] ?? m[4]}</strong>);
    else out.push(<em>{m[5] ?? m[6]}</em>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ text }: { text: string }): VNode {
  return (
    <div class="vigie-markdown">
      {blocks(text).map((b, i) =>
        b.kind === 'p' ? (
          <p key={i}>
            {b.lines.map((l, j) => (
              <>
                {j > 0 && <br />}
                {inline(l)}
              </>
            ))}
          </p>
        ) : b.kind === 'ul' ? (
          <ul key={i}>
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ul>
        ) : (
          <ol key={i}>
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
