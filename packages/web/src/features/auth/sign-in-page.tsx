import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { api, unwrap } from '@/lib/api/client';
import { useErrorText } from '@/lib/api/error-text';
import { useDocumentTitle } from '@/lib/document-title';
import { FormField, FormMessage } from './form-field';
import { useSignedIn } from './session';

/** Set by the reset page when it sends the user here. */
export type SignInState = { passwordReset?: boolean } | null;

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useLocation().state as SignInState;
  const signedIn = useSignedIn();
  const errorText = useErrorText();
  useDocumentTitle(t('auth.signIn.title'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/login', { body: { username: login, password } })),
    onSuccess: (answer) => {
      signedIn(answer.user);
      void navigate('/', { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('auth.signIn.title')}</CardTitle>
        <CardDescription>{t('auth.signIn.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" onSubmit={submit}>
          {state?.passwordReset && <FormMessage tone="info">{t('auth.signIn.passwordReset')}</FormMessage>}
          <FormField label={t('auth.signIn.login')} autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
          <FormField
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {signIn.isError && <FormMessage tone="error">{errorText(signIn.error)}</FormMessage>}
          <Button type="submit" disabled={signIn.isPending}>
            {t('auth.signIn.submit')}
          </Button>
          <Link to="/forgot-password" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
            {t('auth.signIn.forgot')}
          </Link>
        </form>
      </CardContent>
      <CardFooter className="gap-1 text-sm text-muted-foreground">
        {t('auth.signIn.noAccount')}
        <Link to="/register" className="text-primary underline-offset-4 hover:underline">
          {t('auth.signIn.toRegister')}
        </Link>
      </CardFooter>
    </Card>
  );
}
