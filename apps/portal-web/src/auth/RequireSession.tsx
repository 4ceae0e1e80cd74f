import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './use-session';

/** The signed-in part of the portal; anyone else goes to /login and comes back after. */
export function RequireSession() {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
