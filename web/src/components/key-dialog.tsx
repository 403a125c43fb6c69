// Asks for an API key when the server requires one (production mode), once per browser session.
import { useEffect, useRef, useState } from 'preact/hooks';
import { onKeyRequest, saveApiKey } from '../api/auth';

export function KeyDialog() {
  const [reason, setReason] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => onKeyRequest(setReason), []);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (reason && !element.open) element.showModal();
    if (!reason && element.open) element.close();
  }, [reason]);

  return (
    <dialog ref={dialog} class="dialog key-dialog" aria-labelledby="key-title" onCancel={(e) => e.preventDefault()}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) saveApiKey(value);
          setValue('');
        }}
      >
        <h2 id="key-title">API key</h2>
        <p>This server requires an API key. {reason}</p>
        <label>
          Key
          <input type="password" autoComplete="off" required value={value} onInput={(e) => setValue(e.currentTarget.value)} placeholder="fde_…" />
        </label>
        <p class="hint">Kept for this browser tab's session only.</p>
        <div class="actions">
          <button type="submit" class="button primary">
            Use key
          </button>
        </div>
      </form>
    </dialog>
  );
}
