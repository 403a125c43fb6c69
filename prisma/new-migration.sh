#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the committed schema.prisma (which the
# migrations test proves equal to the migrations) to the working-tree schema.prisma. Prisma 7's migrate engine is
# a native binary we cannot download, so this runs `migrate diff` of Prisma 6.19.3's wasm engine (npm only) in a
# scratch folder. That engine connects to a database even to compare two schemas (it reads nothing), so set
# DATABASE_URL to any reachable PostgreSQL, e.g. the embedded one of `npm start`:
#   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:54329/fde bash prisma/new-migration.sh add_something [base]
set -euo pipefail
name=${1:?usage: new-migration.sh <name> [base-commit]}
: "${DATABASE_URL:?set DATABASE_URL to any reachable PostgreSQL}"
base=${2:-HEAD}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

to_prisma6() { # Prisma 6 wants the URL in the schema and the wasm engine selected; models stay unchanged.
  python3 -c '
import re, sys
s = sys.stdin.read()
s = re.sub(r"generator \w+ \{.*?\}\n", "", s, flags=re.S)
s = s.replace("datasource db {\n  provider = \"postgresql\"\n}", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}")
print("generator client {\n  provider = \"prisma-client\"\n  output = \"./gen\"\n  previewFeatures = [\"driverAdapters\",\"queryCompiler\"]\n  engineType = \"client\"\n}\n" + s)'
}
git -C "$root" show "$base:prisma/schema.prisma" | to_prisma6 > "$work/from.prisma"
to_prisma6 < "$root/prisma/schema.prisma" > "$work/to.prisma"

cd "$work"
echo '{"private":true}' > package.json
npm install --silent --no-audit --no-fund prisma@6.19.3 @prisma/adapter-pg@6.19.3 pg@8 >/dev/null 2>&1
cat > prisma.config.ts <<'TS'
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'
export default defineConfig({
  experimental: { adapter: true }, engine: 'js', schema: 'to.prisma',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
} as any)
TS
sql=$(npx prisma migrate diff --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script 2>/dev/null)
if ! grep -v '^--' <<<"$sql" | grep -q '[A-Za-z]'; then echo "schema.prisma matches $base; nothing to write"; exit 0; fi
dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote ${dir#$root/}/migration.sql"
