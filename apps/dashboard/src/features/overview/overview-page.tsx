import { GatewayHealthPanel } from './gateway-health-panel';
import { ModelListPanel } from './model-list-panel';

/** The landing page: is the gateway up, and which models does it serve. */
export function OverviewPage() {
  return (
    <div className="panel-grid">
      <GatewayHealthPanel />
      <ModelListPanel />
    </div>
  );
}
