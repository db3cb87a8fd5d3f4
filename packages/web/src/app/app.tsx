import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { TooltipProvider } from '@/components/ui/tooltip';
import { forgetSession, sessionQuery } from '@/features/auth/session';
import { conversationQuery } from '@/features/chat/data/conversation';
import { OfflineNotice, ShortcutsDialog, Toaster } from '@/features/shell';
import { ApiError } from '@/lib/api/client';
import { routes } from './routes';

const queryClient: QueryClient = new QueryClient({
  // A session that ended elsewhere (signed out on another device, expired, password changed)
  // shows as a 401 on any request: go back to sign in rather than show the error.
  queryCache: new QueryCache({
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) forgetSession(queryClient);
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change on a retry; a dropped connection or a 5xx may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter(routes);

/**
 * Asks for what the first page needs while the language's texts load, instead of one after the
 * other: the session, and the conversation when the app opens at its address.
 */
export function prefetchFirstPage(): void {
  void queryClient.prefetchQuery(sessionQuery);
  const opened = /^\/c\/([\w-]+)$/.exec(window.location.pathname)?.[1];
  if (opened) void queryClient.prefetchQuery(conversationQuery(opened));
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <RouterProvider router={router} />
        <OfflineNotice />
        <ShortcutsDialog />
        <Toaster />
      </TooltipProvider>
    </QueryClientProvider>
  );
}
