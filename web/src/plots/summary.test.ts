// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { chartSummary } from './summary.js';

describe('chartSummary', () => {
  it('names the x range and each series’ start, end and range, skipping gaps', () => {
    const text = chartSummary({
      id: 'igf1',
      title: 'IGF-1 over the days',
      x: [0, 1, 2, 3],
      xLabel: 'day',
      xFormat: 'day',
      yLabel: 'IGF-1 (ng/mL)',
      series: [{ label: 'IGF-1 (ng/mL)', values: [null, 100, 180.4, 150], color: '#000' }],
    });
    expect(text).toBe(
      'IGF-1 over the days. Day: 0 to 3. IGF-1 (ng/mL): 100 at the start, 150 at the end, range 100–180.',
    );
  });

  it('writes clock times on a clock axis and counts events on a timeline', () => {
    const text = chartSummary({
      id: 'events',
      title: 'Events',
      x: [22, 23.5],
      xLabel: 'clock time',
      xFormat: 'clock',
      yLabel: '',
      categories: ['dose'],
      series: [{ label: 'dose', values: [1, null], color: '#000', style: 'points' }],
    });
    expect(text).toBe('Events. Clock time: 22:00 to 23:30. dose: 1 event.');
  });
});
