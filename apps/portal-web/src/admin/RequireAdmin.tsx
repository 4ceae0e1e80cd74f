import { Outlet } from 'react-router';
import { NotFoundPage } from '../app/NotFoundPage';
import { useIsAdmin } from '../auth/use-session';

/**
 * The admin console, for members of the `admin` group (the token's `cognito:groups`); anyone else sees
 * the page a mistyped address shows. The API refuses their calls anyway: this only spares them a broken page.
 */
export function RequireAdmin() {
  return useIsAdmin() ? <Outlet /> : <NotFoundPage />;
}
