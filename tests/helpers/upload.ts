// The uploadDocument mutation as the document tests send it, and a helper sending it for a company.
import { graphql } from '../generated/index.js';
import { executeUpload } from './graphql.js';

export const UploadDocument = graphql(`
  mutation UploadDocument($input: UploadDocumentInput!) {
    uploadDocument(input: $input) {
      __typename
      ... on UploadDocumentPayload {
        deduplicated
        document { id fiscalYear kind title sha256 byteSize pageCount language status downloadUrl company { name } }
      }
      ... on DocumentUnreadableError { reason message }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Uploads `bytes` as a file named `name` to the company with this global id; `input` adds kind, fiscalYear, title. */
export function uploadFile(bytes: Uint8Array, companyId: string, input: Record<string, unknown> = {}, name = 'report.pdf') {
  return executeUpload(UploadDocument, { input: { companyId, file: null as never, ...input } }, { bytes, name });
}
