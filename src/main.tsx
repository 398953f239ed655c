import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/shell/App';
import { SimProvider } from './ui/common/SimProvider';
import { startupOptions } from './ui/platform/startup';
import './ui/shell/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('missing #root element');
createRoot(container).render(
  <StrictMode>
    <SimProvider options={startupOptions(window.location.hash)}>
      <App />
    </SimProvider>
  </StrictMode>,
);
