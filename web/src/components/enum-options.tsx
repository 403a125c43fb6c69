// The <option>s of a select over a GraphQL enum, each shown in words ("ANNUAL_REPORT" → "Annual report").
import { humanize } from '../lib/format';

export function EnumOptions({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {humanize(value)}
        </option>
      ))}
    </>
  );
}
