// SPDX-License-Identifier: MIT
/**
 * Validation: the report of published cases (`validation/REPORT.md`, written by `endotwin validate`), embedded at
 * build time. When the report has not been generated yet, the page says how to generate it.
 */
import type { ReactNode } from 'react';
import { Markdown } from '../markdown/markdown.js';
import { usePageTitle } from '../components/use-page-title.js';

// A glob, not a plain import: a missing report then yields no entry instead of failing the build.
const reports = import.meta.glob<string>('../../../validation/REPORT.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The report's Markdown text, or `null` when the build found none. */
export const REPORT_MARKDOWN: string | null = Object.values(reports)[0] ?? null;

/** The validation page. */
export function ValidationPage(): ReactNode {
  usePageTitle('Validation');
  return (
    <section className="validation-page">
      <h1>Validation against published data</h1>
      {REPORT_MARKDOWN === null ? (
        <p className="notice">
          No validation report was found when this app was built. Run <code>endotwin validate</code> (it
          writes <code>validation/REPORT.md</code>), then rebuild the web app with{' '}
          <code>npm run build:web</code>.
        </p>
      ) : (
        <Markdown text={REPORT_MARKDOWN} />
      )}
    </section>
  );
}
