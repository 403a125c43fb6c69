// Typed SDK for clients and the tests: `npm run codegen` reads the committed schema.graphql and every
// graphql(`...`) document in tests/ and examples/, and writes sdk/ (TypedDocumentNode per operation).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['tests/**/*.ts', 'examples/**/*.ts', 'sdk/operations/**/*.graphql'],
  ignoreNoDocuments: true,
  importExtension: '.js',
  generates: {
    'sdk/': {
      preset: 'client',
      config: {
        scalars: { DateTime: 'string', Decimal: 'string', File: 'File' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
