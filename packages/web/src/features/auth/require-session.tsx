import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useErrorText } from '@/lib/api/error-text';
import { useSession } from './session';

/** Shows its children to a signed-in user; a signed-out one goes to sign in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const errorText = useErrorText();
  if (session.isPending) return <div className="m-6 h-8 w-48 animate-pulse rounded-md bg-muted" aria-busy="true" />;
  if (session.isError)
    return (
      <p role="alert" className="m-6 text-sm text-destructive">
        {errorText(session.error)}
      </p>
    );
  if (!session.data) return <Navigate to="/sign-in" replace />;
  return children;
}
