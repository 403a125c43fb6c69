// The domain's enums, shared by several types. Names and values are part of the API contract.
import {
  ColumnKind as ColumnKindValues,
  DocumentFormat as DocumentFormatValues,
  DocumentKind as DocumentKindValues,
  DocumentStatus as DocumentStatusValues,
  ExtractionProvider as ExtractionProviderValues,
  JobKind as JobKindValues,
  JobStatus as JobStatusValues,
  StatementType as StatementTypeValues,
  StatementVerdict as StatementVerdictValues,
} from '../generated/prisma/enums.js';
import { builder } from './builder.js';

export const StatementType = builder.enumType(StatementTypeValues, { name: 'StatementType' });
export const DocumentKind = builder.enumType(DocumentKindValues, { name: 'DocumentKind' });
export const DocumentStatus = builder.enumType(DocumentStatusValues, { name: 'DocumentStatus' });
export const ExtractionProvider = builder.enumType(ExtractionProviderValues, { name: 'ExtractionProvider' });
export const JobKind = builder.enumType(JobKindValues, { name: 'JobKind' });
export const JobStatus = builder.enumType(JobStatusValues, { name: 'JobStatus' });
export const DocumentFormat = builder.enumType(DocumentFormatValues, {
  name: 'DocumentFormat',
  description: 'What the stored bytes are (read from their content): PDF, one inline-XBRL (X)HTML document, or a zipped XBRL report package.',
});
export const StatementVerdict = builder.enumType(StatementVerdictValues, {
  name: 'StatementVerdict',
  description: 'VERIFIED: its arithmetic checks ran and passed; UNVERIFIED: too few could run; INCONSISTENT: a check failed.',
});
export const ColumnKind = builder.enumType(ColumnKindValues, {
  name: 'ColumnKind',
  description: "REPORTED: the entity's figures for the period; the others are printed beside them and never a period's figures.",
});
