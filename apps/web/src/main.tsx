import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setLanguage, storedLanguage } from './i18n/i18n';
import { SessionProvider } from './lib/session';
import './styles.css';

setLanguage(storedLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
