import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { session } from './auth/session';
import { cspNonce } from './app/runtime-settings';

// Mantine's scroll lock (react-remove-scroll) writes a <style> tag through get-nonce; Mantine's own
// tags get the nonce from MantineProvider (App). Without it the page's CSP refuses them.
setNonce(cspNonce());

// A reload keeps the user signed in: the session cookie (HttpOnly) gives a new access token first.
void session.restore().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
