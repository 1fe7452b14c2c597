// SPDX-License-Identifier: MIT
/**
 * The API token, for a server that requires one (any server not bound to loopback). Kept in this browser's
 * localStorage and sent as `Authorization: Bearer …` with every API request.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { storeToken, storedToken } from '../api/client.js';

/** A link that opens a small form to set or clear the token. */
export function TokenSettings(): ReactNode {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(() => storedToken() ?? '');
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {storedToken() ? 'API token set' : 'Set an API token'}
      </button>
    );
  }
  return (
    <form
      className="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        storeToken(value.trim());
        // Everything on the page was loaded with the old token: start afresh.
        window.location.reload();
      }}
    >
      <label>
        API token{' '}
        <input
          type="password"
          autoComplete="off"
          value={value}
          placeholder="only needed when the server asks for one"
          onChange={(event) => setValue(event.target.value)}
        />
      </label>{' '}
      <button type="submit">Save</button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Close
      </button>
    </form>
  );
}
