import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { api, unwrap } from '@/lib/api/client';
import { useErrorText } from '@/lib/api/error-text';
import { useDocumentTitle } from '@/lib/document-title';
import { useAuthOptions } from './auth-options';
import { SendCodeButton } from './code-button';
import { FormField, FormMessage } from './form-field';
import type { SignInState } from './sign-in-page';

/** Forgot password: mail a reset code, then set a new password with it (every session ends). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const options = useAuthOptions();
  const errorText = useErrorText();
  useDocumentTitle(t('auth.reset.title'));
  const backToSignIn = (
    <CardFooter>
      <Link to="/sign-in" className="text-sm text-primary underline-offset-4 hover:underline">
        {t('auth.reset.backToSignIn')}
      </Link>
    </CardFooter>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('auth.reset.title')}</CardTitle>
        <CardDescription>{t('auth.reset.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent>
        {options.isPending && <div className="h-40 animate-pulse rounded-md bg-muted" aria-busy="true" />}
        {options.isError && <FormMessage tone="error">{errorText(options.error)}</FormMessage>}
        {options.data && (options.data.mail_enabled ? <ResetForm /> : <FormMessage tone="info">{t('auth.reset.unavailable')}</FormMessage>)}
      </CardContent>
      {backToSignIn}
    </Card>
  );
}

function ResetForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<{ email: string; resendAt: number } | null>(null);

  const reset = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/reset-password', { body: { email, code, password } })),
    onSuccess: () => void navigate('/sign-in', { replace: true, state: { passwordReset: true } satisfies SignInState }),
  });
  const sendCode = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/email-code', { body: { email, purpose: 'reset' } })),
    onMutate: () => reset.reset(),
    onSuccess: (answer) => setSent({ email, resendAt: Date.now() + answer.resend_after_sec * 1000 }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sent) reset.mutate();
    else sendCode.mutate();
  };
  const failure = reset.error ?? sendCode.error;

  return (
    <form className="grid gap-4" onSubmit={submit}>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <FormField label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        {sent && <SendCodeButton label={t('auth.reset.sendCode')} resendAt={sent.resendAt} pending={sendCode.isPending} onSend={() => sendCode.mutate()} />}
      </div>
      {sent && (
        <>
          <FormMessage tone="info">{t('auth.reset.codeSent', { email: sent.email })}</FormMessage>
          <FormField label={t('auth.code')} inputMode="numeric" autoComplete="one-time-code" required maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
          <FormField
            label={t('auth.reset.newPassword')}
            hint={t('auth.register.passwordHint')}
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      )}
      {failure && <FormMessage tone="error">{errorText(failure)}</FormMessage>}
      <Button type="submit" disabled={sendCode.isPending || reset.isPending}>
        {sent ? t('auth.reset.submit') : t('auth.reset.sendCode')}
      </Button>
    </form>
  );
}
