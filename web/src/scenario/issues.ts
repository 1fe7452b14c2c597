// SPDX-License-Identifier: MIT
/** Which validation issues belong next to which form field. */
import type { FieldIssue } from '../api/types.js';

/** `true` when an issue at `issuePath` concerns the field at `fieldPath` or something inside it. */
export function concerns(fieldPath: string, issuePath: string): boolean {
  if (issuePath === fieldPath) return true;
  if (fieldPath === '') return false;
  return issuePath.startsWith(`${fieldPath}.`) || issuePath.startsWith(`${fieldPath}[`);
}

/** The issues to show next to the field at `fieldPath`. */
export function issuesFor(issues: readonly FieldIssue[], fieldPath: string): FieldIssue[] {
  return issues.filter((issue) => concerns(fieldPath, issue.path));
}
