import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** "Send code", then a countdown until resendAt (ms), when the server takes another request. */
export function SendCodeButton({ label, resendAt, pending, onSend }: { label: string; resendAt: number; pending: boolean; onSend: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((resendAt - now) / 1000));
  useEffect(() => {
    if (resendAt <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [resendAt, now]);
  return (
    <Button type="button" variant="outline" className="shrink-0" disabled={pending || left > 0} onClick={onSend}>
      {left > 0 ? t('auth.register.resendIn', { seconds: left }) : label}
    </Button>
  );
}
