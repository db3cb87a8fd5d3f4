import { lazy, Suspense } from 'react';
import { Navigate, useMatch } from 'react-router';
import { useSession } from '@/features/auth/session';
import { useMarket } from '@/features/chat/settings/use-market';
import { useErrorText } from '@/lib/api/error-text';
import { ChatPage } from './chat-page';

// Visitors' chat is for signed-out visitors only: loaded when one arrives.
const AnonymousChatPage = lazy(() => import('./anonymous/anonymous-chat-page').then((m) => ({ default: m.AnonymousChatPage })));

/** `/` and `/c/<id>`: the chat when signed in; signed out, `/` is the visitors' chat when free models are open to them, else sign in. */
export function ChatEntry() {
  const session = useSession();
  const stored = useMatch('/c/:id') !== null;
  const market = useMarket();
  const errorText = useErrorText();
  if (session.data) return <ChatPage />;
  if (session.isError)
    return (
      <p role="alert" className="m-6 text-sm text-destructive">
        {errorText(session.error)}
      </p>
    );
  if (session.isPending || (market.isPending && !stored)) return <div className="m-6 h-8 w-48 animate-pulse rounded-md bg-muted" aria-busy="true" />;
  const open = (market.data ?? []).filter((entry) => entry.price?.anonymous);
  if (stored || open.length === 0) return <Navigate to="/sign-in" replace />;
  return (
    <Suspense fallback={null}>
      <AnonymousChatPage models={open} />
    </Suspense>
  );
}
