import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/shell/App';
import { EmbedApp } from './ui/shell/EmbedApp';
import { SimProvider } from './ui/common/SimProvider';
import { startupOptions } from './ui/platform/startup';
import { parseLink } from './ui/platform/link/parseLink';
import { LinkSync } from './ui/platform/link/useLinkSync';
import { keepStorageReadOnly } from './ui/platform/storage';
import { setThemeOverride } from './ui/platform/useTheme';
import './ui/shell/index.css';

// The link (SPEC 5.1) decides everything the page opens on, the frame (full lab or embed) included.
async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root element');
  const hash = window.location.hash;
  const opened = await parseLink(window.location.search, hash);
  if (opened.link.embed) keepStorageReadOnly();
  if (opened.link.theme !== null) setThemeOverride(opened.link.theme);
  const prefersReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // `?faults=1` (test-only) starts workers whose fault switch is on: recovery can be tried for real.
  const faults = new URLSearchParams(window.location.search).get('faults') === '1';
  const options = { ...startupOptions(opened, hash, prefersReduced), faults };
  createRoot(container).render(
    <StrictMode>
      <SimProvider options={options}>
        <LinkSync opened={opened} />
        {opened.link.embed ? <EmbedApp link={opened.link} /> : <App />}
      </SimProvider>
    </StrictMode>,
  );
}

void boot();
