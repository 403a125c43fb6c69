// Relay global IDs ("Company:42", base64) to database ids. A malformed or foreign ID is simply "not found".
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../errors.js';

export function parseGlobalId(typename: string, globalId: string): number {
  try {
    const { typename: type, id } = decodeGlobalID(globalId);
    const n = Number(id);
    if (type === typename && Number.isSafeInteger(n) && n > 0) return n;
  } catch {
    // fall through: not a global ID at all
  }
  throw new NotFoundError(typename, globalId);
}

/**
 * For list filters: an ID that names nothing matches nothing (a database id no row has), so a filter on an
 * unknown company lists nothing rather than failing the whole query.
 */
export function filterId(typename: string, globalId: string | number | null | undefined): number | undefined {
  if (globalId == null) return undefined;
  try {
    return parseGlobalId(typename, String(globalId));
  } catch {
    return -1;
  }
}
