import { isErrorResponse } from '@luckystack/core';
import { useLuckyClient, useSession } from '@luckystack/react';
import { type FormEvent, useState } from 'react';
import { errorText } from '../_client/errorText';
import { type Color, MAX_NAME_LENGTH, PALETTE } from '../_shared/session';

/** Edit the display name and colour; the API updates the session and every tab follows (`updateSession`). */
export function SettingsPage() {
  const client = useLuckyClient();
  const { session } = useSession();
  const [name, setName] = useState(session?.name ?? '');
  const [color, setColor] = useState<Color>(session?.color ?? PALETTE[0]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await client.apiRequest({ name: 'updateProfile', data: { name, color } });
    setBusy(false);
    setMessage(
      isErrorResponse(result) ? { ok: false, text: errorText(result) } : { ok: true, text: 'Saved.' },
    );
  };

  return (
    <section className="card narrow">
      <p className="eyebrow">Settings</p>
      <h1>Your profile</h1>
      <p className="muted">
        Signed in as <code>{session?.id}</code>. Saving updates your session on the server, and every tab of
        yours follows at once, the Vue and Svelte views included.
      </p>
      <form className="stack" onSubmit={save}>
        <label className="field">
          <span>Display name</span>
          <input
            name="displayName"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={MAX_NAME_LENGTH}
          />
        </label>
        <fieldset className="field">
          <legend>Colour</legend>
          <div className="swatches">
            {PALETTE.map((swatch) => (
              <label key={swatch} className="swatch" style={{ background: swatch }}>
                <input
                  type="radio"
                  name="color"
                  value={swatch}
                  checked={color === swatch}
                  onChange={() => setColor(swatch)}
                  aria-label={swatch}
                />
              </label>
            ))}
          </div>
        </fieldset>
        {message && (
          <p className={message.ok ? 'success' : 'error'} role="status" data-testid="settings-result">
            {message.text}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
    </section>
  );
}
