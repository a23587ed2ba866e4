import { AppShell } from './components/app-shell';
import { OverviewPage } from './features/overview/overview-page';

// One page for now; routes (keys, models, usage) slot in here as features/<page>/ folders.
export function App() {
  return (
    <AppShell>
      <OverviewPage />
    </AppShell>
  );
}
