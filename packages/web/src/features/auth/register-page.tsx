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
import { useSignedIn } from './session';

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const options = useAuthOptions();
  const errorText = useErrorText();
  useDocumentTitle(t('auth.register.title'));

  if (options.isPending) return <div className="h-96 animate-pulse rounded-xl bg-muted" aria-busy="true" />;
  if (options.isError) return <FormMessage tone="error">{errorText(options.error)}</FormMessage>;
  if (!options.data.registration_enabled) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>{t('auth.register.closedTitle')}</CardTitle>
          <CardDescription>{t('auth.register.closedBody')}</CardDescription>
        </CardHeader>
        <CardFooter>
          <Button asChild variant="outline">
            <Link to="/sign-in">{t('auth.register.toSignIn')}</Link>
          </Button>
        </CardFooter>
      </Card>
    );
  }
  const domains = options.data.email_suffixes;
  const domainHint = domains.length
    ? t('auth.register.allowedDomains', { domains: new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(domains) })
    : undefined;
  return <RegisterForm needsCode={options.data.email_verification_required} domainHint={domainHint} />;
}

function RegisterForm({ needsCode, domainHint }: { needsCode: boolean; domainHint: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ email: string; resendAt: number } | null>(null);

  const register = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/register', { body: { username, email, password, ...(needsCode ? { code } : {}) } })),
    onSuccess: (answer) => {
      signedIn(answer.user);
      void navigate('/', { replace: true });
    },
  });
  const sendCode = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/email-code', { body: { email, purpose: 'register' } })),
    onMutate: () => register.reset(),
    onSuccess: (answer) => setSent({ email, resendAt: Date.now() + answer.resend_after_sec * 1000 }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const failure = register.error ?? sendCode.error;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('auth.register.title')}</CardTitle>
        <CardDescription>{t('auth.register.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" onSubmit={submit}>
          <FormField
            label={t('auth.username')}
            hint={t('auth.register.usernameHint')}
            autoComplete="username"
            required
            minLength={3}
            maxLength={32}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <FormField label={t('auth.email')} hint={domainHint} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {needsCode && (
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <FormField label={t('auth.code')} inputMode="numeric" autoComplete="one-time-code" required maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <SendCodeButton label={t('auth.register.sendCode')} resendAt={sent?.resendAt ?? 0} pending={sendCode.isPending || !email} onSend={() => sendCode.mutate()} />
            </div>
          )}
          {sent && <FormMessage tone="info">{t('auth.register.codeSent', { email: sent.email })}</FormMessage>}
          <FormField
            label={t('auth.password')}
            hint={t('auth.register.passwordHint')}
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {failure && <FormMessage tone="error">{errorText(failure)}</FormMessage>}
          <Button type="submit" disabled={register.isPending}>
            {t('auth.register.submit')}
          </Button>
        </form>
      </CardContent>
      <CardFooter className="gap-1 text-sm text-muted-foreground">
        {t('auth.register.haveAccount')}
        <Link to="/sign-in" className="text-primary underline-offset-4 hover:underline">
          {t('auth.register.toSignIn')}
        </Link>
      </CardFooter>
    </Card>
  );
}
