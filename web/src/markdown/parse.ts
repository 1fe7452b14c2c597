// SPDX-License-Identifier: MIT
/**
 * A small Markdown reader for the validation report: ATX headings, paragraphs, pipe tables, bullet and numbered
 * lists (with indented continuation lines), fenced code, and inline bold, italic and code. It builds a tree, never
 * HTML, so rendering it with React cannot inject markup.
 */

/** Inline content. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bold'; readonly children: readonly Inline[] }
  | { readonly kind: 'italic'; readonly children: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string };

/** Column alignment of a table. */
export type Align = 'left' | 'center' | 'right' | null;

/** Block content. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly content: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | {
      readonly kind: 'table';
      readonly header: readonly (readonly Inline[])[];
      readonly align: readonly Align[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | { readonly kind: 'code'; readonly text: string };

const DELIMITERS = [
  { marker: '**', kind: 'bold' },
  { marker: '__', kind: 'bold' },
  { marker: '*', kind: 'italic' },
  { marker: '_', kind: 'italic' },
] as const;

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + text };
  else out.push({ kind: 'text', text });
}

/** Emphasis opens only before a non-space and, for `_`, not inside a word (snake_case stays as it is). */
function opensAt(text: string, i: number, marker: string): boolean {
  const after = text[i + marker.length];
  if (after === undefined || /\s/.test(after)) return false;
  return !(marker.startsWith('_') && i > 0 && /\w/.test(text[i - 1]));
}

function closeOf(text: string, from: number, marker: string): number {
  let j = text.indexOf(marker, from);
  while (j !== -1) {
    const before = text[j - 1];
    const after = text[j + marker.length];
    const closes =
      before !== undefined && !/\s/.test(before) && !(marker.startsWith('_') && after && /\w/.test(after));
    if (closes && j > from) return j;
    j = text.indexOf(marker, j + 1);
  }
  return -1;
}

/** Parses inline Markdown: `code`, **bold**, *italic* (and the underscore forms), backslash escapes. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && /[\\`*_|[\]#-]/.test(text[i + 1])) {
      pushText(out, text[i + 1]);
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const delimiter = DELIMITERS.find((d) => text.startsWith(d.marker, i) && opensAt(text, i, d.marker));
    if (delimiter) {
      const end = closeOf(text, i + delimiter.marker.length, delimiter.marker);
      if (end !== -1) {
        out.push({
          kind: delimiter.kind,
          children: parseInline(text.slice(i + delimiter.marker.length, end)),
        });
        i = end + delimiter.marker.length;
        continue;
      }
    }
    pushText(out, c);
    i++;
  }
  return out;
}

/** The cells of a table row, split on pipes outside code spans (`\|` is a literal pipe). */
export function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const SEPARATOR_CELL = /^:?-{3,}:?$|^:?-+:?$/;

function isSeparatorRow(line: string | undefined): boolean {
  if (line === undefined || !line.includes('-') || !line.includes('|')) return false;
  return splitRow(line).every((cell) => SEPARATOR_CELL.test(cell));
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

function isBlockStart(line: string, next: string | undefined): boolean {
  return (
    HEADING.test(line) ||
    BULLET.test(line) ||
    NUMBERED.test(line) ||
    FENCE.test(line) ||
    (line.includes('|') && isSeparatorRow(next))
  );
}

interface Cursor {
  readonly lines: readonly string[];
  i: number;
}

function readTable(cur: Cursor): Block {
  const header = splitRow(cur.lines[cur.i]);
  const align = splitRow(cur.lines[cur.i + 1]).map(alignOf);
  cur.i += 2;
  const rows: Inline[][][] = [];
  while (cur.i < cur.lines.length && cur.lines[cur.i].includes('|') && cur.lines[cur.i].trim() !== '') {
    const cells = splitRow(cur.lines[cur.i]);
    rows.push(header.map((_, c) => parseInline(cells[c] ?? '')));
    cur.i++;
  }
  return { kind: 'table', header: header.map(parseInline), align, rows };
}

function readList(cur: Cursor, ordered: boolean): Block {
  const pattern = ordered ? NUMBERED : BULLET;
  const items: string[] = [];
  while (cur.i < cur.lines.length) {
    const line = cur.lines[cur.i];
    const item = pattern.exec(line);
    if (item) items.push(item[1]);
    else if (items.length > 0 && /^\s{2,}\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else break;
    cur.i++;
  }
  return { kind: 'list', ordered, items: items.map(parseInline) };
}

function readCode(cur: Cursor): Block {
  const fence = (FENCE.exec(cur.lines[cur.i]) ?? ['', '```'])[1];
  const body: string[] = [];
  cur.i++;
  while (cur.i < cur.lines.length && !cur.lines[cur.i].trim().startsWith(fence))
    body.push(cur.lines[cur.i++]);
  cur.i++; // the closing fence (or the end)
  return { kind: 'code', text: body.join('\n') };
}

function readParagraph(cur: Cursor): Block {
  const parts: string[] = [];
  while (cur.i < cur.lines.length) {
    const line = cur.lines[cur.i];
    if (line.trim() === '' || (parts.length > 0 && isBlockStart(line, cur.lines[cur.i + 1]))) break;
    parts.push(line.trim());
    cur.i++;
  }
  return { kind: 'paragraph', content: parseInline(parts.join(' ')) };
}

/** Parses a Markdown document into blocks. */
export function parseMarkdown(text: string): Block[] {
  const cur: Cursor = { lines: text.replace(/\r\n?/g, '\n').split('\n'), i: 0 };
  const blocks: Block[] = [];
  while (cur.i < cur.lines.length) {
    const line = cur.lines[cur.i];
    const heading = HEADING.exec(line);
    if (line.trim() === '') cur.i++;
    else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, content: parseInline(heading[2]) });
      cur.i++;
    } else if (FENCE.test(line)) blocks.push(readCode(cur));
    else if (line.includes('|') && isSeparatorRow(cur.lines[cur.i + 1])) blocks.push(readTable(cur));
    else if (BULLET.test(line)) blocks.push(readList(cur, false));
    else if (NUMBERED.test(line)) blocks.push(readList(cur, true));
    else blocks.push(readParagraph(cur));
  }
  return blocks;
}
