// The app's frame: header with navigation, routes, the API-key dialog.
import { useEffect, useState } from 'preact/hooks';
import { Link, Route, Switch, useLocation } from 'wouter-preact';
import { onConnectionChange } from './api/client';
import { KeyDialog } from './components/key-dialog';
import { Empty } from './components/states';
import { CompaniesPage } from './pages/companies';
import { CompanyPage } from './pages/company';
import { JobsPage } from './pages/jobs';
import { StatementsPage } from './pages/statements';

function NavLink({ href, children, match }: { href: string; children: string; match: RegExp }) {
  const [location] = useLocation();
  const active = match.test(location);
  return (
    <Link href={href} class={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** Shown while the server cannot be reached: what is on screen may be out of date; polling screens retry. */
function ConnectionBanner() {
  const [reachable, setReachable] = useState(true);
  useEffect(() => onConnectionChange(setReachable), []);
  return reachable ? null : (
    <div class="connection-banner" role="status">
      The server cannot be reached; what you see may be out of date.
    </div>
  );
}

export function App() {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <Link href="/" class="brand">
          Financial Data Extractor
        </Link>
        <nav aria-label="Main">
          <NavLink href="/" match={/^\/(companies.*)?$/}>
            Companies
          </NavLink>
          <NavLink href="/jobs" match={/^\/jobs/}>
            Jobs
          </NavLink>
          <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/" component={CompaniesPage} />
          <Route path="/companies" component={CompaniesPage} />
          <Route path="/companies/:id/statements/:type?">{(params) => <StatementsPage id={params.id} slug={params.type} />}</Route>
          <Route path="/companies/:id">{(params) => <CompanyPage id={params.id} />}</Route>
          <Route path="/jobs" component={JobsPage} />
          <Route>
            <Empty title="Page not found">
              <Link href="/">Back to the companies</Link>
            </Empty>
          </Route>
        </Switch>
      </main>
      <KeyDialog />
    </>
  );
}
