// SPDX-License-Identifier: MIT
/** Validation as you type: the document goes to `POST /api/v1/scenarios/check` once typing pauses. */
import { useEffect, useState } from 'react';
import { checkScenario } from '../api/client.js';
import type { FieldIssue, Screening } from '../api/types.js';
import type { Doc } from '../scenario/document.js';

/** Pause after the last change before the document is sent, ms. */
export const VALIDATE_DEBOUNCE_MS = 350;

/** Where validation stands. */
export type ValidationState =
  | { readonly status: 'checking' }
  | { readonly status: 'valid'; readonly screening: Screening }
  | { readonly status: 'invalid'; readonly issues: readonly FieldIssue[] }
  /** The API could not be asked (network, server error). */
  | { readonly status: 'unavailable'; readonly message: string };

/** Validates `doc` (debounced; a newer document cancels the older request); `null` skips validation. */
export function useValidation(doc: Doc | null): ValidationState {
  const [state, setState] = useState<ValidationState>({ status: 'checking' });
  useEffect(() => {
    if (doc === null) return;
    const controller = new AbortController();
    setState({ status: 'checking' });
    const timer = window.setTimeout(() => {
      checkScenario(doc, controller.signal).then(
        (response) =>
          setState(
            response.valid
              ? { status: 'valid', screening: response.screening }
              : { status: 'invalid', issues: response.issues },
          ),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            status: 'unavailable',
            message: error instanceof Error ? error.message : String(error),
          });
        },
      );
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [doc]);
  return state;
}

/** The issues of a validation state (none unless invalid). */
export function issuesOfState(state: ValidationState): readonly FieldIssue[] {
  return state.status === 'invalid' ? state.issues : [];
}
