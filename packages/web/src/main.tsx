import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchFirstPage } from './app/app';
import { registerServiceWorker } from './features/shell';
import { setUpI18n } from './i18n/setup';
import { setUpTheme } from './lib/theme';
import './index.css';

setUpTheme();
registerServiceWorker();
prefetchFirstPage();

// The page renders once its language's texts are in (one small file, fetched with the app).
void setUpI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
