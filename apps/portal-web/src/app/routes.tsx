import { createBrowserRouter, Navigate } from 'react-router';
import { adminRoutes } from '../admin/admin-routes';
import { RequireAdmin } from '../admin/RequireAdmin';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { RequireSession } from '../auth/RequireSession';
import { SignInPage } from '../auth/SignInPage';
import { SignUpPage } from '../auth/SignUpPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

/**
 * The signed-out pages ship with the first page; every signed-in page is its own chunk (`lazy`),
 * so /login loads only what it shows.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage /> },
  { path: '/signup', element: <SignUpPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/dashboard" replace /> },
          { path: 'dashboard', lazy: () => import('../usage/DashboardPage') },
          { path: 'keys', lazy: () => import('../keys/KeysPage') },
          { path: 'applications', lazy: () => import('../applications/ApplicationsPage') },
          { path: 'apis', lazy: () => import('../apis/ApisPage') },
          { path: 'plan', lazy: () => import('../plan/PlanPage') },
          { path: 'account', lazy: () => import('../account/AccountPage') },
          { path: 'admin', element: <RequireAdmin />, children: adminRoutes },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
