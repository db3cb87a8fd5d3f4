import { Navigate, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PreferencesMenu } from '@/components/preferences-menu';
import { useSession } from './session';

/** The signed-out pages: one centred card; a signed-in visitor goes straight to the chat. */
export function AuthLayout() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.data) return <Navigate to="/" replace />;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="text-base font-semibold tracking-tight">{t('app.name')}</span>
        <PreferencesMenu />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-12">
        <div className="w-full max-w-sm">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
