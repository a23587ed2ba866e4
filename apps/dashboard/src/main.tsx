import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { themePreference } from './hooks/theme-preference';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Before the first paint, so a chosen dark theme never flashes light.
themePreference.apply(themePreference.read());

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
