import { isErrorResponse } from '@luckystack/core';
import { useLuckyClient } from '@luckystack/react';
import { type FormEvent, useState } from 'react';
import { errorText } from '../_client/errorText';
import { LOGOUT_REASONS } from '../_client/logoutReasons';
import { readLastName, saveLastName } from '../_client/storage';
import { MAX_NAME_LENGTH } from '../_shared/session';

/** Sign in with a name; `reason` says why this page is shown (kicked, signed out, server restarted). */
export function LoginPage({ reason }: { reason: string | null }) {
  const client = useLuckyClient();
  const [name, setName] = useState(readLastName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = reason ? LOGOUT_REASONS.get(reason) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // Relative name: on /login this is `login/login`, from src/login/_api/login.ts.
    const result = await client.apiRequest({ name: 'login', data: { name } });
    setBusy(false);
    if (isErrorResponse(result)) setError(errorText(result));
    else saveLastName(result.name);
    // Signed in: the session push has already moved the app to the room.
  };

  return (
    <section className="login">
      <div className="card login-card">
        <h1>Join the room</h1>
        <p className="muted">
          A live room with cursors, chat and presence. No password: pick a name. The same name in another
          browser is the same user, and signs this one out.
        </p>
        {notice && (
          <p className="notice" role="status" data-testid="login-reason" data-reason={reason}>
            {notice}
          </p>
        )}
        <form onSubmit={submit} className="stack">
          <label className="field">
            <span>Your name</span>
            <input
              name="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={MAX_NAME_LENGTH}
              autoComplete="nickname"
              placeholder="Ada Lovelace"
              // biome-ignore lint/a11y/noAutofocus: the form's one field, on a page that is only this form.
              autoFocus
            />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
      </div>
    </section>
  );
}
