// The committed migrations and prisma/schema.prisma must describe the same database: this compares Prisma's
// datamodel (generated from the schema) with information_schema of a database built only from the migrations.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import * as enums from '../../src/generated/prisma/enums.js';
import { getDatamodel } from '../../src/generated/pothos-types.js';

interface Column {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  udt_name: string;
}

const SCALAR_TYPES: Record<string, string> = {
  Int: 'int4',
  String: 'text',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Decimal: 'numeric',
  Json: 'jsonb',
  BigInt: 'int8',
  Float: 'float8',
};

describe('migrations agree with schema.prisma', () => {
  it('has exactly the tables, columns, types, nullability and enums of the datamodel', async () => {
    const columns = await prisma.$queryRaw<Column[]>`
      SELECT table_name, column_name, is_nullable, data_type, udt_name
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    const byTable = new Map<string, Map<string, Column>>();
    for (const c of columns) {
      if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
      byTable.get(c.table_name)!.set(c.column_name, c);
    }
    const models = getDatamodel().datamodel.models;
    expect([...byTable.keys()].sort()).toEqual(Object.keys(models).sort());

    const problems: string[] = [];
    for (const [model, { fields }] of Object.entries(models)) {
      const table = byTable.get(model)!;
      const scalarFields = fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
      expect([...table.keys()].sort(), model).toEqual(scalarFields.map((f) => f.name).sort());
      for (const field of scalarFields) {
        const column = table.get(field.name)!;
        const base = field.kind === 'enum' ? field.type : SCALAR_TYPES[field.type];
        const udt = field.isList ? `_${base}` : base;
        const dateOnly = field.type === 'DateTime' && column.udt_name === 'date';
        if (column.udt_name !== udt && !dateOnly) problems.push(`${model}.${field.name}: ${column.udt_name} is not ${udt}`);
        // Prisma creates scalar-list columns without NOT NULL.
        const nullable = !field.isRequired || field.isList;
        if ((column.is_nullable === 'YES') !== nullable) problems.push(`${model}.${field.name}: nullability differs`);
      }
    }
    expect(problems).toEqual([]);

    const enumRows = await prisma.$queryRaw<{ name: string; value: string }[]>`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      ORDER BY t.typname, e.enumsortorder`;
    const dbEnums: Record<string, string[]> = {};
    for (const r of enumRows) (dbEnums[r.name] ??= []).push(r.value);
    const schemaEnums = Object.fromEntries(Object.entries(enums).map(([name, values]) => [name, Object.values(values)]));
    expect(dbEnums).toEqual(schemaEnums);
  });

  it('has a unique index for every @@unique and @unique of the datamodel', async () => {
    const indexes = await prisma.$queryRaw<{ table: string; columns: string[] }[]>`
      SELECT t.relname AS table, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indisunique AND NOT i.indisprimary
      GROUP BY i.indexrelid, t.relname`;
    const have = new Set(indexes.map((i) => `${i.table}(${i.columns.join(',')})`));
    for (const [model, { fields, uniqueIndexes }] of Object.entries(getDatamodel().datamodel.models)) {
      for (const u of uniqueIndexes) expect(have, `${model}(${u.fields.join(',')})`).toContain(`${model}(${u.fields.join(',')})`);
      for (const f of fields.filter((f) => f.isUnique)) expect(have).toContain(`${model}(${f.name})`);
    }
  });
});

describe('migration runner', () => {
  it('records applied migrations in _prisma_migrations and is idempotent', async () => {
    const rows = await prisma.$queryRaw<{ migration_name: string; finished_at: Date | null; checksum: string }[]>`
      SELECT migration_name, finished_at, checksum FROM "_prisma_migrations"`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    const again = await migrateDatabase(process.env.DATABASE_URL!);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(rows.length);
  });

  it('rolls back a failing migration entirely and refuses edited ones', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fde-migrations-'));
    await mkdir(path.join(dir, '20990101000000_bad'));
    await writeFile(
      path.join(dir, '20990101000000_bad', 'migration.sql'),
      'CREATE TABLE "half_written" (id int);\nSELECT * FROM "no_such_table";',
    );
    await expect(migrateDatabase(process.env.DATABASE_URL!, dir)).rejects.toThrow(/20990101000000_bad failed/);
    const [{ exists }] = await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('public.half_written') IS NOT NULL AS exists`;
    expect(exists).toBe(false);

    await writeFile(path.join(dir, '20990101000000_bad', 'migration.sql'), 'CREATE TABLE "fine" (id int);');
    expect((await migrateDatabase(process.env.DATABASE_URL!, dir)).applied).toEqual(['20990101000000_bad']);
    await writeFile(path.join(dir, '20990101000000_bad', 'migration.sql'), 'CREATE TABLE "fine" (id bigint);');
    await expect(migrateDatabase(process.env.DATABASE_URL!, dir)).rejects.toThrow(/edited after it was applied/);
  });
});
