// SPDX-License-Identifier: MIT
/** The browser tab's title for the page on screen. */
import { useEffect } from 'react';

/** Sets `document.title` to `<title> · endotwin` while the calling page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · endotwin`;
  }, [title]);
}
