import { type ProviderTestResult } from '@gatehouse/contracts';
import { useCallback, useState } from 'react';
import { providersApi } from '../../api/providers-api';
import { formatDurationMs } from '../../format/format-duration-ms';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';

interface ProviderTestButtonProps {
  provider: string;
}

/** One real call to the provider (its model list) through the gateway, timed. */
export function ProviderTestButton({ provider }: ProviderTestButtonProps) {
  const { api } = useAdminSession();
  const [result, setResult] = useState<ProviderTestResult | undefined>(undefined);
  const test = useAction(useCallback(() => providersApi.test(api, provider), [api, provider]));
  const run = async () => {
    setResult(undefined);
    setResult(await test.run());
  };
  return (
    <div className="provider-test">
      <button type="button" className="button" onClick={() => void run()} disabled={test.pending} aria-label={`Test ${provider}`}>
        {test.pending ? 'Testing…' : 'Test'}
      </button>
      <span className="provider-test__result" role="status">
        {result
          ? result.ok
            ? `OK · HTTP ${result.status} · ${formatDurationMs(result.latency_ms)}`
            : `Failed${result.status === null ? '' : ` · HTTP ${result.status}`}: ${result.error ?? 'no answer'}`
          : test.error
            ? `Test failed: ${test.error.message}`
            : ''}
      </span>
    </div>
  );
}
