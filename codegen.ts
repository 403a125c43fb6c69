// Typed documents, two targets (`npm run codegen`, from the committed schema.graphql):
// - sdk/src/generated/: the client SDK package (sdk/), from the public operations in examples/ only;
// - tests/generated/: the tests' own typed documents (graphql(`...`) in tests/), never shipped to clients.
import type { CodegenConfig } from '@graphql-codegen/cli';

const client = {
  preset: 'client',
  config: {
    scalars: { DateTime: 'string', Decimal: 'string', File: 'File' },
    enumsAsTypes: true,
    useTypeImports: true,
  },
  presetConfig: { fragmentMasking: false },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  importExtension: '.js',
  generates: {
    'sdk/src/generated/': { ...client, documents: ['examples/**/*.ts'] },
    'tests/generated/': { ...client, documents: ['tests/**/*.ts', '!tests/generated/**'] },
  },
};

export default config;
