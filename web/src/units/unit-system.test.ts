// SPDX-License-Identifier: MIT
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UNIT_SYSTEM_KEY, readUnitSystem, writeUnitSystem } from './unit-system.js';
import type { UnitStorage } from './unit-system.js';
import { CONVERSION_NOTE, UnitToggle } from './unit-toggle.js';

function memoryStorage(initial: Record<string, string> = {}): UnitStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('the remembered unit system', () => {
  it('defaults to conventional, and ignores what it does not know', () => {
    expect(readUnitSystem(undefined)).toBe('conventional');
    expect(readUnitSystem(memoryStorage())).toBe('conventional');
    expect(readUnitSystem(memoryStorage({ [UNIT_SYSTEM_KEY]: 'imperial' }))).toBe('conventional');
  });

  it('stores the choice, so the next page reads it', () => {
    const storage = memoryStorage();
    writeUnitSystem('si', storage);
    expect(storage.data.get(UNIT_SYSTEM_KEY)).toBe('si');
    expect(readUnitSystem(storage)).toBe('si');
    writeUnitSystem('conventional', storage);
    expect(readUnitSystem(storage)).toBe('conventional');
  });

  it('survives a storage that refuses (private modes)', () => {
    const refusing: UnitStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readUnitSystem(refusing)).toBe('conventional');
    expect(() => writeUnitSystem('si', refusing)).not.toThrow();
  });
});

describe('the unit toggle', () => {
  it('checks the current system and names each factor with its source', () => {
    const html = renderToStaticMarkup(createElement(UnitToggle, { value: 'si', onChange: () => undefined }));
    expect(html).toMatch(/checked="" value="si"/);
    expect(html).not.toMatch(/checked="" value="conventional"/);
    expect(CONVERSION_NOTE).toContain('1 mg/dL = 0.05556 mmol/L');
    expect(CONVERSION_NOTE).toContain('Baker et al., Arch Neurol 2012');
    expect(CONVERSION_NOTE).toContain('1 µg/dL = 27.59 nmol/L');
  });
});
