import { type ConditionTrace } from '../../api/route-explanation';

interface ConditionTraceTreeProps {
  condition: ConditionTrace;
}

/** A decision's `when`, as a nested list: each condition, whether it matched, and what was seen. */
export function ConditionTraceTree({ condition }: ConditionTraceTreeProps) {
  return (
    <ul className="trace-tree">
      <ConditionItem condition={condition} />
    </ul>
  );
}

function ConditionItem({ condition }: ConditionTraceTreeProps) {
  return (
    <li className={`trace-tree__item trace-tree__item--${condition.matched ? 'matched' : 'missed'}`}>
      <span className="trace-tree__mark" aria-hidden="true">
        {condition.matched ? '✓' : '✗'}
      </span>
      <code className="trace-tree__condition">{condition.condition}</code>
      <span className="visually-hidden">{condition.matched ? ' matched' : ' did not match'}</span>
      {condition.detail ? <span className="trace-tree__detail"> — {condition.detail}</span> : null}
      {condition.children && condition.children.length > 0 ? (
        <ul className="trace-tree">
          {condition.children.map((child, index) => (
            <ConditionItem key={index} condition={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
