import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { cspNonce } from './app/runtime-settings';

// Mantine's scroll lock (react-remove-scroll) writes a <style> tag through get-nonce; Mantine's own
// tags get the nonce from MantineProvider (App). Without it the page's CSP refuses them.
setNonce(cspNonce());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
