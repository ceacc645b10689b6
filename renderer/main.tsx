import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { onIllegalTransition } from './app/machine.ts';
import './styles.css';

// In development, an action a machine refused (it made no sense on the screen on show) is said in
// the browser's console, by names only; a packaged kiosk says nothing (the state just stays as it was).
if (import.meta.env.DEV) onIllegalTransition((r) => console.warn(`[${r.machine}] '${r.action}' refused on the screen '${r.screen}'`));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
