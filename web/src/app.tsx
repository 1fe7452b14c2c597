// SPDX-License-Identifier: MIT
/** The app shell: header with navigation, the disclaimer on every page, and the page for the current path. */
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { TokenSettings } from './components/token-settings.js';
import { usePageTitle } from './components/use-page-title.js';
import { ComparePage } from './pages/compare-page.js';
import { PatientPage } from './pages/patient-page.js';
import { PatientsPage } from './pages/patients-page.js';
import { RunPage } from './pages/run-page.js';
import { RunsPage } from './pages/runs-page.js';
import { ScenariosPage } from './pages/scenarios-page.js';
import { SensitivityPage } from './pages/sensitivity-page.js';
import { TrialPage } from './pages/trial-page.js';
import { TrialsPage } from './pages/trials-page.js';
import { ValidationPage } from './pages/validation-page.js';
import { Link, matchPath, navigate, useLocation } from './router.js';
import type { Location } from './router.js';

/** The disclaimer every page shows. */
export const DISCLAIMER =
  'Research and education software — not a medical device. Model outputs are not dosing advice.';

const NAV = [
  { href: '/scenarios', label: 'Scenarios' },
  { href: '/runs', label: 'Runs' },
  { href: '/compare', label: 'Compare' },
  { href: '/trials', label: 'Trials' },
  { href: '/patients', label: 'Patients' },
  { href: '/sensitivity', label: 'Sensitivity' },
  { href: '/validation', label: 'Validation' },
] as const;

function Header({ path }: { path: string }): ReactNode {
  return (
    <header className="app-header">
      <Link href="/scenarios" className="brand">
        endotwin
        <span className="brand-tag">growth-hormone axis simulator</span>
      </Link>
      <nav aria-label="Main">
        {NAV.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            aria-current={path.startsWith(item.href) ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}

function NotFound({ path }: { path: string }): ReactNode {
  usePageTitle('Not found');
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link href="/scenarios">Go to the scenarios.</Link>
      </p>
    </section>
  );
}

/** Replaces the current entry with `to` once rendered (navigating during render is not allowed). */
function Redirect({ to }: { to: string }): ReactNode {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function page(location: Location): ReactNode {
  const { path, query } = location;
  if (path === '/' || path === '') return <Redirect to="/scenarios" />;
  const scenario = matchPath('/scenarios/:id', path);
  if (path === '/scenarios' || scenario)
    return <ScenariosPage scenarioId={scenario?.id ?? null} query={query} />;
  const run = matchPath('/runs/:id', path);
  if (run) return <RunPage key={run.id} runId={run.id} />;
  if (path === '/runs') return <RunsPage />;
  if (path === '/compare') return <ComparePage query={query} />;
  if (path === '/validation') return <ValidationPage />;
  if (path === '/sensitivity') return <SensitivityPage />;
  const trial = matchPath('/trials/:id', path);
  if (trial) return <TrialPage key={trial.id} trialId={trial.id} />;
  if (path === '/trials') return <TrialsPage />;
  const patient = matchPath('/patients/:id', path);
  if (patient) return <PatientPage key={patient.id} patientId={patient.id} />;
  if (path === '/patients') return <PatientsPage />;
  return <NotFound path={path} />;
}

/** The whole app. */
export function App(): ReactNode {
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <Header path={location.path} />
      <p className="disclaimer" role="note" data-testid="disclaimer">
        {DISCLAIMER}
      </p>
      <main id="main" tabIndex={-1}>
        {page(location)}
      </main>
      <footer className="app-footer">
        endotwin · <a href="/docs">API documentation (OpenAPI)</a> · <TokenSettings /> · MIT licence
      </footer>
    </>
  );
}
