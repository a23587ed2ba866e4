import { type ReactNode, useId } from 'react';

interface PanelProps {
  title: string;
  /** Shown beside the title: counts, buttons. */
  aside?: ReactNode;
  footer?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled card; its heading names the region for assistive technology. */
export function Panel({ title, aside, footer, className, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={headingId}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {aside}
      </header>
      <div className="panel__body">{children}</div>
      {footer ? <footer className="panel__footer">{footer}</footer> : null}
    </section>
  );
}
