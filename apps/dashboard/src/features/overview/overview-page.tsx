import { PageHeader } from '../../components/page-header';
import { GatewayHealthPanel } from './gateway-health-panel';
import { LastDayUsagePanel } from './last-day-usage-panel';
import { ProvidersPanel } from './providers-panel';

/** The landing page: is the gateway up and ready, how are its providers, how much went through it today. */
export function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Gateway health, readiness, providers and the last day's traffic." />
      <div className="panel-grid panel-grid--narrow-first">
        <LastDayUsagePanel />
        <GatewayHealthPanel />
        <ProvidersPanel />
      </div>
    </>
  );
}
