// SPDX-License-Identifier: MIT
/** The model's clock: time is minutes from the scenario start, everywhere. */

/** Minutes in a day (the one definition; the layers above import it, the web app through the scenario vocabulary). */
export const MIN_PER_DAY = 1440;
