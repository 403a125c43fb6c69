-- Jobs written before their input carried the subject's ids and before subjectLabel existed: both are filled from
-- the subject while it still exists (same wording as src/services/jobs/requests.ts), so these jobs too keep saying
-- what they were about, and can still be read, once it is deleted. The stored input wins where it has a key.

-- A document's jobs
UPDATE "Job" AS j SET
  "subjectLabel" = c."name" || ': '
    || concat_ws(' ', replace(lower(d."kind"::text), '_', ' '), d."fiscalYear"::text, '"' || left(d."title", 80) || '"')
    || ' (document ' || d."id" || ')',
  "input" = jsonb_build_object('documentId', d."id", 'companyId', d."companyId") || j."input"
FROM "Document" AS d JOIN "Company" AS c ON c."id" = d."companyId"
WHERE j."documentId" = d."id" AND j."subjectLabel" IS NULL;

-- A company's jobs
UPDATE "Job" AS j SET
  "subjectLabel" = c."name" || ' (company ' || c."id" || ')',
  "input" = jsonb_build_object('companyId', c."id") || j."input"
FROM "Company" AS c
WHERE j."companyId" = c."id" AND j."documentId" IS NULL AND j."subjectLabel" IS NULL;
