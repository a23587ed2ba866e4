import { type EffectiveModel } from '@gatehouse/contracts';
import { ScrollableTable } from '../../components/scrollable-table';
import { StatusBadge } from '../../components/status-badge';
import { formatLimits } from '../../format/format-limits';

interface ModelTableProps {
  models: readonly EffectiveModel[];
  onEdit: (model: EffectiveModel) => void;
  onDeleteOverride: (model: EffectiveModel) => void;
}

/** The models in force: their targets with weights, fallbacks, and whether an override replaced the file's definition. */
export function ModelTable({ models, onEdit, onDeleteOverride }: ModelTableProps) {
  return (
    <ScrollableTable label="Models">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Targets (provider · upstream model · weight)</th>
            <th scope="col">Fallbacks</th>
            <th scope="col">Limits</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => {
            const totalWeight = model.targets.reduce((sum, target) => sum + target.weight, 0);
            return (
              <tr key={model.name}>
                <th scope="row">
                  <code>{model.name}</code>
                </th>
                <td className="data-table__wrap">
                  <ul className="target-list">
                    {model.targets.map((target, index) => (
                      <li key={index}>
                        <strong>{target.provider}</strong> · <code>{target.model}</code> · weight {target.weight}
                        {model.targets.length > 1 ? <span className="target-list__share"> ({Math.round((target.weight / totalWeight) * 100)}%)</span> : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="data-table__wrap">{model.fallbacks.length > 0 ? model.fallbacks.join(' → ') : '—'}</td>
                <td>{formatLimits(model.limits)}</td>
                <td>
                  {model.source === 'override' ? (
                    <StatusBadge tone="warning">{model.in_config_file ? 'override of file' : 'override'}</StatusBadge>
                  ) : (
                    <StatusBadge tone="neutral">config file</StatusBadge>
                  )}
                </td>
                <td className="data-table__actions">
                  <button type="button" className="button" onClick={() => onEdit(model)} aria-label={`Edit override of ${model.name}`}>
                    Edit override
                  </button>
                  {model.source === 'override' ? (
                    <button type="button" className="button button--danger" onClick={() => onDeleteOverride(model)} aria-label={`Delete override of ${model.name}`}>
                      Delete override
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
