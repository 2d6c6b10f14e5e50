import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { SignInDocument, SignUpDocument, type SessionFieldsFragment } from '../generated/graphql.ts';
import { setSession } from '../session.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/** Sign in (`mode="sign-in"`) or create an account (`mode="sign-up"`), then go back where you were. */
export function SignInPage({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const client = useApolloClient();
  const { search } = useLocation();
  const [signIn, signInState] = useMutation(SignInDocument);
  const [signUp, signUpState] = useMutation(SignUpDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const { loading, error } = mode === 'sign-in' ? signInState : signUpState;

  const start = async (payload: SessionFieldsFragment) => {
    // Another person's cached cart or orders must not show: start from an empty cache.
    await client.clearStore();
    setSession({ token: payload.token, expiresAt: payload.expiresAt, user: payload.user });
    const next = search.get('next');
    navigate(next?.startsWith('/') ? next : '/');
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (mode === 'sign-in') {
        const { data } = await signIn({ variables: { input: { email, password } } });
        if (data) await start(data.login);
      } else {
        const { data } = await signUp({ variables: { input: { email, password, name } } });
        if (data) await start(data.register);
      }
    } catch {
      // Shown from the mutation's error state below.
    }
  };
  const nextQuery = search.toString() ? `?${search.toString()}` : '';
  return (
    <section className="form-page">
      <h1>{mode === 'sign-in' ? 'Sign in' : 'Create an account'}</h1>
      <form onSubmit={onSubmit}>
        {mode === 'sign-up' && (
          <label>
            Name
            <input name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        )}
        <label>
          E-mail
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
            required
            minLength={mode === 'sign-up' ? 8 : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={loading}>
          {mode === 'sign-in' ? 'Sign in' : 'Create account'}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
      <p>
        {mode === 'sign-in' ? (
          <Link to={`/sign-up${nextQuery}`}>New here? Create an account</Link>
        ) : (
          <Link to={`/sign-in${nextQuery}`}>Already have an account? Sign in</Link>
        )}
      </p>
    </section>
  );
}
