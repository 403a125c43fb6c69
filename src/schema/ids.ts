// Relay global IDs ("Company:42", base64) to database ids. A malformed or foreign ID is simply "not found".
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../errors.js';

// A database id is written one way in a global ID: "Company:7", never "Company:07", "Company:0x7" or "Company:7.0".
const CANONICAL_ID = /^[1-9]\d{0,15}$/;

export function isCanonicalId(id: string): boolean {
  return CANONICAL_ID.test(id) && Number.isSafeInteger(Number(id));
}

export function parseGlobalId(typename: string, globalId: string): number {
  try {
    const { typename: type, id } = decodeGlobalID(globalId);
    if (type === typename && isCanonicalId(id)) return Number(id);
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

/**
 * Spread into every prismaNode: node(id:)/nodes(ids:) answer null for an ID that is well formed but names no row
 * (deleted, never existed, or its number not written canonically), as Relay clients expect, instead of Prisma's
 * "record not found" failing the field (and, in nodes, every other result with it).
 */
export const nodeLookup = {
  nullable: true,
  findUnique: (id: string | number) => ({ id: isCanonicalId(String(id)) ? Number(id) : -1 }),
} as const;
