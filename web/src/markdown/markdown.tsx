// SPDX-License-Identifier: MIT
/**
 * Renders Markdown as React elements: `marked` parses (CommonMark and GitHub tables), this module only maps its
 * tokens to elements. Raw HTML in the text is shown as text, never inserted into the page.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';

function inline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, i) => inlineToken(token, i));
}

function inlineToken(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = token as Tokens.Link;
      // Only web and in-page links; anything else (javascript:, data:) stays text.
      return /^(https?:|#|\/)/i.test(link.href) ? (
        <a key={key} href={link.href}>
          {inline(link.tokens)}
        </a>
      ) : (
        <span key={key}>{inline(link.tokens)}</span>
      );
    }
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? <span key={key}>{inline(text.tokens)}</span> : decode(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    default:
      // html and anything unknown: its source, as text.
      return token.raw;
  }
}

/** marked escapes &, <, >, " and ' in text tokens for HTML output; React escapes again, so undo the first. */
function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function alignStyle(
  align: Tokens.Table['align'][number],
): { textAlign: 'left' | 'right' | 'center' } | undefined {
  return align ? { textAlign: align } : undefined;
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      // The page has its own h1: the document's headings start one level lower.
      const Tag = `h${Math.min(heading.depth + 1, 6)}` as 'h2';
      return <Tag key={key}>{inline(heading.tokens)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{(token as Tokens.Blockquote).tokens.map(block)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{item.tokens.map(listItemPart)}</li>);
      return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'table': {
      const table = token as Tokens.Table;
      return (
        <div key={key} className="table-scroll">
          <table className="md-table">
            <thead>
              <tr>
                {table.header.map((cell, c) => (
                  <th key={c} style={alignStyle(table.align[c])}>
                    {inline(cell.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={alignStyle(table.align[c])}>
                      {inline(cell.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'space':
      return null;
    default:
      return <p key={key}>{token.raw}</p>;
  }
}

/** A tight list item holds `text` tokens directly; a loose one holds paragraphs. */
function listItemPart(token: Token, key: number): ReactNode {
  return token.type === 'text' ? inlineToken(token, key) : block(token, key);
}

/** A Markdown document rendered in place. */
export function Markdown({ text }: { text: string }): ReactNode {
  const tokens = useMemo(() => new Lexer({ gfm: true }).lex(text), [text]);
  return <div className="markdown">{tokens.map(block)}</div>;
}
