import { Navigate, type RouteObject } from 'react-router';
import { AuthLayout } from '@/features/auth/auth-layout';
import { RegisterPage } from '@/features/auth/register-page';
import { RequireSession } from '@/features/auth/require-session';
import { ResetPasswordPage } from '@/features/auth/reset-password-page';
import { SignInPage } from '@/features/auth/sign-in-page';
import { ChatHomePage } from '@/features/chat/chat-home-page';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <RequireSession>
        <ChatHomePage />
      </RequireSession>
    ),
  },
  {
    element: <AuthLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/forgot-password', element: <ResetPasswordPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];
