// SPDX-License-Identifier: MIT
/** Types of `check-layers.mjs`, for its test. */

/** Which of our layers each `src/` layer may import (besides itself). */
export declare const LAYERS: Readonly<Record<string, readonly string[]>>;
/** The layers files directly in `src/` may import. */
export declare const ROOT_FILES_MAY_IMPORT: readonly string[];
/** The modules of ours `web/` may import at run time, relative to the root. */
export declare const WEB_VALUE_IMPORTS: readonly string[];
/** The paths of ours `web/` may import as types only, relative to the root. */
export declare const WEB_TYPE_IMPORT_PREFIXES: readonly string[];

/** One relative import of a source file. */
export interface FoundImport {
  readonly spec: string;
  readonly typeOnly: boolean;
  readonly dynamic: boolean;
}

/** Every relative import of a file's text. */
export declare function importsOf(fileName: string, text: string): FoundImport[];

/** Checks the repository at `root`: the problems found (empty when the layering holds) and the modules read. */
export declare function checkLayers(root: string): { problems: string[]; modules: number };
