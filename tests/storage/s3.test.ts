// S3 storage against s3rver, a local S3-compatible server from npm: the driver alone, then a whole upload,
// download and delete with STORAGE=s3.
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const s3 = vi.hoisted(() => {
  const port = 41000 + Math.floor(Math.random() * 4000);
  Object.assign(process.env, {
    STORAGE: 's3',
    S3_BUCKET: 'documents',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  });
  return { port };
});

import S3rver from 's3rver';
import { prisma } from '../../src/db.js';
import { storage } from '../../src/storage/index.js';
import { S3Storage } from '../../src/storage/s3.js';
import { graphql } from '../generated/index.js';
import { executeOk, executeUpload, yoga } from '../helpers/graphql.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

let server: S3rver;

beforeAll(async () => {
  server = new S3rver({
    port: s3.port,
    address: '127.0.0.1',
    silent: true,
    directory: mkdtempSync(path.join(os.tmpdir(), 'fde-s3rver-')),
    configureBuckets: [{ name: 'documents', configs: [] }],
  });
  await server.run();
});
afterAll(() => server.close());

describe('S3Storage', () => {
  it('puts a file atomically, reads it back, knows what exists, lists, deletes', async () => {
    const driver = new S3Storage({ bucket: 'documents', endpoint: process.env.S3_ENDPOINT, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
    const temp = path.join(mkdtempSync(path.join(os.tmpdir(), 'fde-s3-')), 'x.part');
    await writeFile(temp, '%PDF-1.7 test bytes');
    await driver.putFile('documents/ab/abc.pdf', temp);
    expect(await driver.exists('documents/ab/abc.pdf')).toBe(true);
    const listed: string[] = [];
    for await (const key of driver.list('documents/')) listed.push(key);
    expect(listed).toEqual(['documents/ab/abc.pdf']);
    const chunks: Buffer[] = [];
    for await (const c of (await driver.read('documents/ab/abc.pdf'))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('%PDF-1.7 test bytes');
    await driver.delete('documents/ab/abc.pdf');
    expect(await driver.exists('documents/ab/abc.pdf')).toBe(false);
    expect(await driver.read('documents/ab/abc.pdf')).toBeNull();
    await expect(driver.checkWritable()).resolves.toBeUndefined();
  });

  it('serves the whole document flow when STORAGE=s3', async () => {
    expect(storage.name).toBe('s3');
    const company = await prisma.company.create({ data: { name: 'Bucket plc' } });
    const Upload = graphql(`
      mutation UploadToS3($input: UploadDocumentInput!) {
        uploadDocument(input: $input) { __typename ... on UploadDocumentPayload { document { id downloadUrl } } }
      }
    `);
    const bytes = await makeAnnualReport({ company: 'Bucket plc', year: 2024, base: 5 });
    const uploaded = await executeUpload(
      Upload,
      { input: { companyId: Buffer.from(`Company:${company.id}`).toString('base64'), file: null as never } },
      { bytes, name: 'r.pdf' },
    );
    const payload = uploaded.data!.uploadDocument;
    if (payload.__typename !== 'UploadDocumentPayload') throw new Error(JSON.stringify(uploaded));
    const download = await yoga.fetch(payload.document.downloadUrl);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    const key = (await prisma.document.findFirstOrThrow({ where: { companyId: company.id } })).storageKey;
    expect(await storage.exists(key)).toBe(true);
    const Delete = graphql(`mutation DeleteFromS3($input: DeleteDocumentInput!) { deleteDocument(input: $input) { __typename } }`);
    await executeOk(Delete, { input: { id: payload.document.id } });
    expect(await storage.exists(key)).toBe(false);
  });
});
