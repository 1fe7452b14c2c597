// SPDX-License-Identifier: MIT
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCase } from './cases.js';
import { readDocument } from '../scenario/parse.js';
import { appendPrediction, PredictionExistsError, recordPredictions } from './predictions.js';

const caseText = (id: string) =>
  [
    `id: ${id}`,
    'title: An example # a comment that must survive',
    'source: Author A. J Example 2000;1:1',
    'published: "5.1 ± 1.5"',
    'area: drug-pd',
    'role: pre-registered',
    'scenario: {}',
    'metric: { kind: daily, field: igf1_ng_ml, day: 0 }',
    'expected: { min: 2, max: 8, unit: µg/L }',
    '',
  ].join('\n');

const stamp = { at_commit: 'b'.repeat(40), date: '2026-12-02', model_version: 'endotwin-physiology/1' };

describe('recorded predictions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'endotwin-predictions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends a block that parses back, keeping every existing line', () => {
    const text = caseText('one');
    const next = appendPrediction(text, { ...stamp, value: 3.14159265 });
    expect(next.startsWith(text)).toBe(true);
    const c = parseCase(readDocument(next), 'one.yaml');
    expect(c.predicted).toEqual({ ...stamp, value: 3.14159 });
  });

  it('refuses to append to a case that already has a prediction', () => {
    const once = appendPrediction(caseText('one'), { ...stamp, value: 1 });
    expect(() => appendPrediction(once, { ...stamp, value: 2 })).toThrow(PredictionExistsError);
  });

  it('records only the cases without a prediction and never rewrites one', () => {
    const recorded = appendPrediction(caseText('old'), { ...stamp, value: 7, at_commit: 'c'.repeat(40) });
    writeFileSync(join(dir, 'old.yaml'), recorded);
    writeFileSync(join(dir, 'new.yaml'), caseText('new'));
    const predicted: string[] = [];
    const done = recordPredictions(
      dir,
      (c) => {
        predicted.push(c.id);
        return { value: 4 };
      },
      stamp,
    );
    expect(predicted).toEqual(['new']);
    expect(readFileSync(join(dir, 'old.yaml'), 'utf8')).toBe(recorded);
    expect(done.map((d) => [d.id, d.action, d.value])).toEqual([
      ['new', 'recorded', 4],
      ['old', 'kept', 7],
    ]);
    const again = recordPredictions(dir, () => ({ value: 99 }), { ...stamp, at_commit: 'd'.repeat(40) });
    expect(again.every((d) => d.action === 'kept')).toBe(true);
    expect(
      parseCase(readDocument(readFileSync(join(dir, 'new.yaml'), 'utf8')), 'new.yaml').predicted?.value,
    ).toBe(4);
  });

  it('leaves cases of the other roles alone', () => {
    const fitted = caseText('fitted').replace('role: pre-registered', 'role: calibration');
    writeFileSync(join(dir, 'fitted.yaml'), fitted);
    expect(recordPredictions(dir, () => ({ value: 1 }), stamp)).toEqual([]);
    expect(readFileSync(join(dir, 'fitted.yaml'), 'utf8')).toBe(fitted);
  });

  it('records a case the model cannot compute as null with the reason', () => {
    writeFileSync(join(dir, 'a.yaml'), caseText('a'));
    recordPredictions(dir, () => ({ value: null, error: 'no series' }), stamp);
    const c = parseCase(readDocument(readFileSync(join(dir, 'a.yaml'), 'utf8')), 'a.yaml');
    expect(c.predicted).toEqual({ ...stamp, value: null, error: 'no series' });
  });
});
