import { type MouseEvent, type ReactNode } from 'react';
import { browserLocation } from '../hooks/browser-location';

interface NavLinkProps {
  href: string;
  current?: boolean;
  className?: string;
  children: ReactNode;
}

/** A real link (it opens in a new tab, it can be copied) that navigates inside the app on a plain click. */
export function NavLink({ href, current = false, className, children }: NavLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (modified || event.defaultPrevented) return;
    event.preventDefault();
    browserLocation.navigate(href);
  };
  return (
    <a href={href} className={className} aria-current={current ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
