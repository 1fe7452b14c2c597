// SPDX-License-Identifier: MIT
/** Unsaved edits: whether the document differs from the last saved one, and a warning before they are lost. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { setNavigationGuard } from '../router.js';
import type { Doc } from '../scenario/document.js';

const WARNING = 'This scenario has unsaved changes. Leave and discard them?';

/**
 * Tracks whether `doc` differs from the saved document (initially `initial`) and, while it does, asks before an
 * in-app navigation or the browser leaving the page. `markSaved` records a newly saved document.
 */
export function useUnsavedGuard(doc: Doc, initial: Doc): { dirty: boolean; markSaved: (saved: Doc) => void } {
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initial));
  const dirty = JSON.stringify(doc) !== savedJson;
  // The guard reads the latest answer through a ref, so saving then navigating in one handler sees it at once.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const markSaved = useCallback((saved: Doc) => {
    dirtyRef.current = false;
    setSavedJson(JSON.stringify(saved));
  }, []);

  useEffect(() => {
    const removeGuard = setNavigationGuard(() => !dirtyRef.current || window.confirm(WARNING));
    const beforeUnload = (event: BeforeUnloadEvent): void => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);

  return { dirty, markSaved };
}
