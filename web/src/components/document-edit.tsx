// Correcting a document: its fiscal year and kind decide where its figures go in the compiled statements, so a
// misread one is fixed here (then compile again); or the document is removed with its extractions.
import { useState } from 'preact/hooks';
import { EditDocumentDocument, RemoveDocumentDocument, type DocumentKind } from '@financial-data-extractor/sdk';
import { payload, request } from '../api/client';
import { useAction } from '../api/hooks';
import { EnumOptions } from './enum-options';
import { InlineError } from './states';

const KINDS: DocumentKind[] = ['ANNUAL_REPORT', 'INTERIM_REPORT', 'EARNINGS_RELEASE', 'PRESENTATION', 'OTHER'];

export function DocumentEdit(props: { id: string; fiscalYear: number | null; kind: DocumentKind; title: string | null; onDone: () => void }) {
  const [fiscalYear, setFiscalYear] = useState(props.fiscalYear ? String(props.fiscalYear) : '');
  const [kind, setKind] = useState<DocumentKind>(props.kind);
  const [title, setTitle] = useState(props.title ?? '');
  const save = useAction(async () => {
    const year = fiscalYear.trim() ? Number(fiscalYear) : null;
    const result = await request(EditDocumentDocument, { input: { id: props.id, fiscalYear: year, kind, title: title.trim() || null } });
    payload(result.updateDocument, 'UpdateDocumentPayload');
    props.onDone();
  });
  const remove = useAction(async () => {
    if (!window.confirm('Delete this document, its extractions and its file?')) return;
    payload((await request(RemoveDocumentDocument, { input: { id: props.id } })).deleteDocument, 'DeleteDocumentPayload');
  });

  return (
    <form
      class="document-edit"
      aria-label="Edit document"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <label>
        Fiscal year
        <input name="fiscalYear" type="number" min={1900} max={2100} value={fiscalYear} onInput={(e) => setFiscalYear(e.currentTarget.value)} />
      </label>
      <label>
        Kind
        <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}>
          <EnumOptions values={KINDS} />
        </select>
      </label>
      <label>
        Title
        <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="button primary" disabled={save.busy}>
          Save
        </button>
        <button type="button" class="button" onClick={props.onDone}>
          Cancel
        </button>
        <button type="button" class="button danger" onClick={() => void remove.run()} disabled={remove.busy}>
          Delete document
        </button>
      </div>
      <InlineError message={save.error ?? remove.error} />
    </form>
  );
}
