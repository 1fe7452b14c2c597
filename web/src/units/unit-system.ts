// SPDX-License-Identifier: MIT
/**
 * The reader's unit system (conventional or SI), kept in localStorage so the choice holds on every page and after
 * a reload, and shared by every toggle on screen (and other tabs) through one small store.
 */
import { useSyncExternalStore } from 'react';
import { UNIT_SYSTEMS } from '../../../src/scenario/vocabulary.js';
import type { UnitSystem } from '../../../src/scenario/vocabulary.js';

/** The localStorage key of the choice. */
export const UNIT_SYSTEM_KEY = 'endotwin.unitSystem';

/** What the store needs of `localStorage` (a test passes a map). */
export type UnitStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored system, or conventional when nothing (or something unknown) is stored. */
export function readUnitSystem(storage: UnitStorage | undefined): UnitSystem {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(UNIT_SYSTEM_KEY) ?? null;
  } catch {
    // Storage can be switched off (private modes): the default applies.
  }
  return UNIT_SYSTEMS.find((s) => s === stored) ?? 'conventional';
}

const listeners = new Set<() => void>();

function browserStorage(): UnitStorage | undefined {
  return typeof window === 'undefined' ? undefined : window.localStorage;
}

/** Stores the choice and tells every toggle and page on screen. */
export function writeUnitSystem(
  system: UnitSystem,
  storage: UnitStorage | undefined = browserStorage(),
): void {
  try {
    storage?.setItem(UNIT_SYSTEM_KEY, system);
  } catch {
    // Not stored (storage off): the listeners still switch for this page.
  }
  current = system;
  for (const listener of listeners) listener();
}

let current: UnitSystem | null = null;

function snapshot(): UnitSystem {
  current ??= readUnitSystem(browserStorage());
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's choice arrives as a storage event.
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== UNIT_SYSTEM_KEY) return;
    current = readUnitSystem(browserStorage());
    listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** The reader's unit system and a setter that remembers it. */
export function useUnitSystem(): [UnitSystem, (system: UnitSystem) => void] {
  const system = useSyncExternalStore(subscribe, snapshot, () => 'conventional' as const);
  return [system, writeUnitSystem];
}
