import { NavLink } from '../../components/nav-link';
import { PageHeader } from '../../components/page-header';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="There is no dashboard page at this address." />
      <NavLink href="/ui/" className="link">
        Go to the overview
      </NavLink>
    </>
  );
}
