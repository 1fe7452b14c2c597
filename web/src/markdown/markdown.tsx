// SPDX-License-Identifier: MIT
/** Renders the blocks of {@link parseMarkdown} as React elements (text only; no raw HTML is ever inserted). */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { parseMarkdown } from './parse.js';
import type { Block, Inline } from './parse.js';

function renderInline(content: readonly Inline[]): ReactNode[] {
  return content.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'bold':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'italic':
        return <em key={i}>{renderInline(node.children)}</em>;
    }
  });
}

function Heading({ level, children }: { level: number; children: ReactNode }): ReactNode {
  // The page has its own h1: the report's headings start one level lower.
  const shifted = Math.min(level + 1, 6);
  const Tag = `h${shifted}` as 'h2';
  return <Tag>{children}</Tag>;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading key={key} level={block.level}>
          {renderInline(block.content)}
        </Heading>
      );
    case 'paragraph':
      return <p key={key}>{renderInline(block.content)}</p>;
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'table':
      return (
        <div key={key} className="table-scroll">
          <table className="md-table">
            <thead>
              <tr>
                {block.header.map((cell, c) => (
                  <th key={c} style={block.align[c] ? { textAlign: block.align[c] } : undefined}>
                    {renderInline(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={block.align[c] ? { textAlign: block.align[c] } : undefined}>
                      {renderInline(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** A Markdown document rendered in place. */
export function Markdown({ text }: { text: string }): ReactNode {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{blocks.map(renderBlock)}</div>;
}
