import { type ReactNode } from 'react';

interface ScrollableTableProps {
  /** Names the scroll region; keyboard users can focus it and scroll with the arrow keys. */
  label: string;
  children: ReactNode;
}

/** Wide tables scroll sideways inside their card instead of widening the page on small screens. */
export function ScrollableTable({ label, children }: ScrollableTableProps) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
