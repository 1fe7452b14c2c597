// SPDX-License-Identifier: MIT
/** The two ways an SBML import can fail, each naming the element and the reason. */

/** `invalid`: the document is not valid SBML (exit 2); `unsupported`: valid, but uses a feature we lack (exit 5). */
export type SbmlErrorKind = 'invalid' | 'unsupported';

/** An import failure naming the SBML element (by id where it has one) and the reason. */
export class SbmlError extends Error {
  constructor(
    readonly kind: SbmlErrorKind,
    /** The element: an id such as `S1`, or a description such as `reaction R1 kineticLaw`. */
    readonly element: string,
    readonly reason: string,
  ) {
    super(
      kind === 'invalid'
        ? `invalid SBML at ${element}: ${reason}`
        : `unsupported SBML feature at ${element}: ${reason}`,
    );
    this.name = 'SbmlError';
  }
}
