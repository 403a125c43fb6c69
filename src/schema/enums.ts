// The domain's enums, shared by several types. Names and values are part of the API contract.
import {
  DocumentKind as DocumentKindValues,
  DocumentStatus as DocumentStatusValues,
  ExtractionProvider as ExtractionProviderValues,
  JobKind as JobKindValues,
  JobStatus as JobStatusValues,
  StatementType as StatementTypeValues,
} from '../generated/prisma/enums.js';
import { builder } from './builder.js';

export const StatementType = builder.enumType(StatementTypeValues, { name: 'StatementType' });
export const DocumentKind = builder.enumType(DocumentKindValues, { name: 'DocumentKind' });
export const DocumentStatus = builder.enumType(DocumentStatusValues, { name: 'DocumentStatus' });
export const ExtractionProvider = builder.enumType(ExtractionProviderValues, { name: 'ExtractionProvider' });
export const JobKind = builder.enumType(JobKindValues, { name: 'JobKind' });
export const JobStatus = builder.enumType(JobStatusValues, { name: 'JobStatus' });
