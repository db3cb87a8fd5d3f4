import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { registerServiceWorker } from './features/shell';
import { setUpI18n } from './i18n/setup';
import { setUpTheme } from './lib/theme';
import './index.css';

setUpTheme();
setUpI18n();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
