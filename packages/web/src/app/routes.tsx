import { Navigate, type RouteObject } from 'react-router';
import { AuthLayout } from '@/features/auth/auth-layout';
import { RegisterPage } from '@/features/auth/register-page';
import { ResetPasswordPage } from '@/features/auth/reset-password-page';
import { SignInPage } from '@/features/auth/sign-in-page';
import { ChatEntry } from '@/features/chat/chat-entry';

export const routes: RouteObject[] = [
  // One element for a new chat and a stored one, so the sidebar and its change stream stay
  // mounted when the first message moves a new chat to its address.
  {
    element: <ChatEntry />,
    children: [
      { path: '/', element: null },
      { path: '/c/:id', element: null },
    ],
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
