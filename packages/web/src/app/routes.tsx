import { Navigate, type RouteObject } from 'react-router';
import { AuthLayout } from '@/features/auth/auth-layout';
import { RegisterPage } from '@/features/auth/register-page';
import { RequireSession } from '@/features/auth/require-session';
import { ResetPasswordPage } from '@/features/auth/reset-password-page';
import { SignInPage } from '@/features/auth/sign-in-page';
import { ChatEntry } from '@/features/chat/chat-entry';
import { ChatPage } from '@/features/chat/chat-page';

export const routes: RouteObject[] = [
  { path: '/', element: <ChatEntry /> },
  {
    path: '/c/:id',
    element: (
      <RequireSession>
        <ChatPage />
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
