import { type ApiKey } from '@gatehouse/contracts';
import { type RequestLogFilters } from '../../api/requests-api';
import { FormField } from '../../components/form-field';

interface RequestFiltersProps {
  filters: RequestLogFilters;
  onChange: (filters: RequestLogFilters) => void;
  pageSize: number;
  onPageSizeChange: (pageSize: number) => void;
  modelNames: readonly string[];
  keys: readonly ApiKey[];
}

const statusChoices = [
  { value: '', label: 'Any status' },
  { value: 'ok', label: 'Succeeded (below 400)' },
  { value: 'error', label: 'Failed (400 and above)' },
  { value: '2xx', label: '2xx' },
  { value: '4xx', label: '4xx' },
  { value: '5xx', label: '5xx' },
  { value: '401', label: '401 (bad key)' },
  { value: '429', label: '429 (limited)' },
];

export const pageSizes = [10, 25, 50, 100] as const;

/** Narrow the log by model, key and status; every change reloads from the newest request. */
export function RequestFilters({ filters, onChange, pageSize, onPageSizeChange, modelNames, keys }: RequestFiltersProps) {
  const set = (field: keyof RequestLogFilters, value: string) => onChange({ ...filters, [field]: value || undefined });
  return (
    <div className="toolbar" role="group" aria-label="Request filters">
      <FormField label="Model" className="toolbar__field">
        {(control) => (
          <select {...control} className="select" value={filters.model ?? ''} onChange={(event) => set('model', event.target.value)}>
            <option value="">Any model</option>
            {modelNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Key" className="toolbar__field">
        {(control) => (
          <select {...control} className="select" value={filters.key ?? ''} onChange={(event) => set('key', event.target.value)}>
            <option value="">Any key</option>
            {keys.map((key) => (
              <option key={key.id} value={key.id}>
                {key.name} ({key.prefix}){key.revoked_at ? ' — revoked' : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Status" className="toolbar__field">
        {(control) => (
          <select {...control} className="select" value={filters.status ?? ''} onChange={(event) => set('status', event.target.value)}>
            {statusChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Rows per page" className="toolbar__field">
        {(control) => (
          <select {...control} className="select" value={pageSize} onChange={(event) => onPageSizeChange(Number(event.target.value))}>
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}
