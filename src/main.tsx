import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/shell/App';
import { SimProvider } from './ui/common/SimProvider';
import { startupOptions } from './ui/platform/startup';
import { motionFromLink } from './ui/platform/motionSetting';
import './ui/shell/index.css';

const prefersReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const motion = motionFromLink(window.location.search, prefersReduced);
const options = startupOptions(window.location.hash);
const notice = [options.notice, motion.problem].filter((n) => n != null).join(' ') || null;

const container = document.getElementById('root');
if (!container) throw new Error('missing #root element');
createRoot(container).render(
  <StrictMode>
    <SimProvider options={{ ...options, motion: motion.motion, notice }}>
      <App />
    </SimProvider>
  </StrictMode>,
);
