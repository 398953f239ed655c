import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/index.css';

/** Placeholder page until the lab's UI lands; keeps the build and smoke test honest. */
function Placeholder() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-bold text-slate-900">Shared Page Tables Lab</h1>
      <p className="mt-4 text-slate-700">
        Watch how processes that map the same file can share the page tables that translate
        it, and what that saves in memory and page faults.
      </p>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('missing #root element');
createRoot(container).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
