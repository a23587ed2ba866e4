import { NavLink } from './nav-link';

export interface MainNavItem {
  href: string;
  label: string;
}

interface MainNavProps {
  items: readonly MainNavItem[];
  currentHref: string | undefined;
}

/** The page links; the current page is marked for assistive technology (aria-current) as well as visually. */
export function MainNav({ items, currentHref }: MainNavProps) {
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href} current={item.href === currentHref} className="main-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
