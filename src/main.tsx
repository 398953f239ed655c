import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { SimProvider } from './ui/SimProvider';
import { startupOptions } from './ui/startup';
import './ui/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('missing #root element');
createRoot(container).render(
  <StrictMode>
    <SimProvider options={startupOptions(window.location.hash)}>
      <App />
    </SimProvider>
  </StrictMode>,
);
