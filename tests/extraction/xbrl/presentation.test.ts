// A package whose figures are printed in no table: its statements come from the presentation linkbase (order,
// depth, opening/closing balances, negated labels), labels from the label linkbase, keys for extension concepts
// through ESEF anchoring (wider-narrower arcs).
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractXbrlStatements, readXbrlReport } from '../../../src/extraction/index.js';
import { ixbrlDocument, reportPackage } from './make-ixbrl.js';

const ROLE = 'http://example.com/role';
const schema = `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase" targetNamespace="http://example.com/ext">
  <xsd:annotation><xsd:appinfo>
    <link:roleType roleURI="${ROLE}/IS" id="IS"><link:definition>[300] Statement of profit or loss</link:definition></link:roleType>
    <link:roleType roleURI="${ROLE}/CF" id="CF"><link:definition>[400] Statement of cash flows</link:definition></link:roleType>
    <link:roleType roleURI="${ROLE}/NOTE" id="NOTE"><link:definition>[800] Notes - Revenue</link:definition></link:roleType>
  </xsd:appinfo></xsd:annotation>
  <xsd:element id="ex_LossOnDisposals" name="LossOnDisposals"/>
  <xsd:element id="ex_ManagementFees" name="ManagementFees"/>
</xsd:schema>`;

const IFRS = 'https://xbrl.ifrs.org/taxonomy/2023-03-23/full_ifrs/full_ifrs-cor_2023-03-23.xsd';
const loc = (fragment: string) => `<link:loc xlink:type="locator" xlink:label="${fragment}" xlink:href="${fragment.startsWith('ex_') ? 'ex.xsd' : IFRS}#${fragment}"/>`;
const arc = (from: string, to: string, order: number, preferred = '') =>
  `<link:presentationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/parent-child" xlink:from="${from}" xlink:to="${to}" order="${order}"${preferred ? ` preferredLabel="http://www.xbrl.org/2003/role/${preferred}"` : ''}/>`;
const presentation = `<?xml version="1.0"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
  <link:presentationLink xlink:type="extended" xlink:role="${ROLE}/NOTE">
    ${loc('ifrs-full_RevenueAbstract')}${loc('ifrs-full_Revenue')}${arc('ifrs-full_RevenueAbstract', 'ifrs-full_Revenue', 1)}
  </link:presentationLink>
  <link:presentationLink xlink:type="extended" xlink:role="${ROLE}/IS">
    ${['ifrs-full_IncomeStatementAbstract', 'ifrs-full_Revenue', 'ex_LossOnDisposals', 'ex_ManagementFees', 'ifrs-full_ProfitLoss'].map(loc).join('')}
    ${arc('ifrs-full_IncomeStatementAbstract', 'ifrs-full_ProfitLoss', 4)}
    ${arc('ifrs-full_IncomeStatementAbstract', 'ifrs-full_Revenue', 1)}
    ${arc('ifrs-full_IncomeStatementAbstract', 'ex_LossOnDisposals', 2, 'negatedLabel')}
    ${arc('ifrs-full_IncomeStatementAbstract', 'ex_ManagementFees', 3)}
  </link:presentationLink>
  <link:presentationLink xlink:type="extended" xlink:role="${ROLE}/CF">
    ${['ifrs-full_StatementOfCashFlowsAbstract', 'ifrs-full_CashAndCashEquivalents', 'ifrs-full_CashFlowsFromUsedInOperatingActivities', 'ifrs-full_IncreaseDecreaseInCashAndCashEquivalents'].map(loc).join('')}
    ${arc('ifrs-full_StatementOfCashFlowsAbstract', 'ifrs-full_CashAndCashEquivalents', 1, 'periodStartLabel')}
    ${arc('ifrs-full_StatementOfCashFlowsAbstract', 'ifrs-full_CashFlowsFromUsedInOperatingActivities', 2)}
    ${arc('ifrs-full_StatementOfCashFlowsAbstract', 'ifrs-full_IncreaseDecreaseInCashAndCashEquivalents', 3)}
    ${arc('ifrs-full_StatementOfCashFlowsAbstract', 'ifrs-full_CashAndCashEquivalents', 4, 'periodEndLabel')}
  </link:presentationLink>
</link:linkbase>`;

const label = (fragment: string, role: string, text: string, lang = 'en') =>
  `${loc(fragment)}<link:label xlink:type="resource" xlink:label="l_${fragment}_${role}_${lang}" xlink:role="http://www.xbrl.org/2003/role/${role}" xml:lang="${lang}">${text}</link:label>` +
  `<link:labelArc xlink:type="arc" xlink:from="${fragment}" xlink:to="l_${fragment}_${role}_${lang}"/>`;
const labels = `<?xml version="1.0"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xml="http://www.w3.org/XML/1998/namespace">
  <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
    ${label('ifrs-full_Revenue', 'label', 'Umsatzerlöse', 'de')}${label('ifrs-full_Revenue', 'label', 'Revenue from contracts')}
    ${label('ex_LossOnDisposals', 'label', 'Loss on disposals')}${label('ex_LossOnDisposals', 'negatedLabel', 'Loss on disposals (shown negative)')}
    ${label('ifrs-full_CashAndCashEquivalents', 'periodStartLabel', 'Cash at beginning of year')}${label('ifrs-full_CashAndCashEquivalents', 'periodEndLabel', 'Cash at end of year')}
  </link:labelLink>
</link:linkbase>`;
const definition = `<?xml version="1.0"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
  <link:definitionLink xlink:type="extended" xlink:role="${ROLE}/anchoring">
    ${loc('ifrs-full_AdministrativeExpense')}${loc('ex_ManagementFees')}
    <link:definitionArc xlink:type="arc" xlink:arcrole="http://www.esma.europa.eu/xbrl/esef/arcrole/wider-narrower" xlink:from="ifrs-full_AdministrativeExpense" xlink:to="ex_ManagementFees"/>
  </link:definitionLink>
</link:linkbase>`;

const fact = (name: string, context: string, value: string, sign = '') =>
  `<ix:nonFraction name="${name}" contextRef="${context}" unitRef="EUR" decimals="0"${sign ? ` sign="${sign}"` : ''}>${value}</ix:nonFraction>`;
const hidden = [
  fact('ifrs-full:Revenue', 'FY2024', '1000'), fact('ifrs-full:Revenue', 'FY2023', '900'),
  fact('ex:LossOnDisposals', 'FY2024', '5'), fact('ex:LossOnDisposals', 'FY2023', '3'),
  fact('ex:ManagementFees', 'FY2024', '50'), fact('ex:ManagementFees', 'FY2023', '40'),
  fact('ifrs-full:ProfitLoss', 'FY2024', '945'), fact('ifrs-full:ProfitLoss', 'FY2023', '857'),
  fact('ifrs-full:CashAndCashEquivalents', 'I2022', '70'), fact('ifrs-full:CashAndCashEquivalents', 'I2023', '80'), fact('ifrs-full:CashAndCashEquivalents', 'I2024', '90'),
  fact('ifrs-full:CashFlowsFromUsedInOperatingActivities', 'FY2024', '10'), fact('ifrs-full:CashFlowsFromUsedInOperatingActivities', 'FY2023', '10'),
  fact('ifrs-full:IncreaseDecreaseInCashAndCashEquivalents', 'FY2024', '10'), fact('ifrs-full:IncreaseDecreaseInCashAndCashEquivalents', 'FY2023', '10'),
].join('');
const I2022 = `<xbrli:context id="I2022"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2022-12-31</xbrli:instant></xbrli:period></xbrli:context>`;
// The figures sit in ix:hidden only: no table prints them.
const document = ixbrlDocument({ body: '<p>Annual report</p>', resources: I2022 }).replace('</ix:hidden>', `${hidden}</ix:hidden>`);
const pkg = reportPackage(document, {
  'example/www.example.com/ex.xsd': strToU8(schema),
  'example/www.example.com/ex_pre.xml': strToU8(presentation),
  'example/www.example.com/ex_lab.xml': strToU8(labels),
  'example/www.example.com/ex_def.xml': strToU8(definition),
});

describe('statements from the presentation linkbase', () => {
  it('reads roles, arcs, English labels and anchoring arcs from the package', async () => {
    const { linkbase } = await readXbrlReport(pkg);
    expect(linkbase!.roles.get(`${ROLE}/IS`)).toBe('[300] Statement of profit or loss');
    expect(linkbase!.labels.get('ifrs-full_Revenue')!.get('http://www.xbrl.org/2003/role/label')).toBe('Revenue from contracts');
    expect(linkbase!.anchors.get('ex_ManagementFees')).toEqual(['ifrs-full_AdministrativeExpense']);
    expect(linkbase!.concepts.get('ex_LossOnDisposals')).toEqual({ namespace: 'http://example.com/ext', local: 'LossOnDisposals' });
  });

  it('builds the statements the linkbase presents when no table prints them', async () => {
    const { statements } = await extractXbrlStatements(pkg);
    expect(statements.map((s) => s.type)).toEqual(['INCOME_STATEMENT', 'CASH_FLOW_STATEMENT']);
    const [is, cf] = statements;
    expect(is.lineItems.map((l) => [l.label, l.concept, l.values, l.level])).toEqual([
      ['Revenue from contracts', 'revenue', ['1000', '900'], 0],
      // presented with a negated label: printed negative
      ['Loss on disposals (shown negative)', null, ['-5', '-3'], 0],
      // an extension concept keyed through its anchor
      ['Management fees', 'general_admin', ['50', '40'], 0],
      ['Profit loss', 'net_income', ['945', '857'], 0],
    ]);
    expect(cf.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2024-12-31', 12],
      ['2023-12-31', 12],
    ]);
    expect(cf.lineItems.map((l) => [l.label, l.concept, l.values])).toEqual([
      ['Cash at beginning of year', 'cash_at_beginning', ['80', '70']],
      ['Cash flows from used in operating activities', 'net_cash_from_operating', ['10', '10']],
      ['Increase decrease in cash and cash equivalents', 'net_change_in_cash', ['10', '10']],
      ['Cash at end of year', 'cash_at_end', ['90', '80']],
    ]);
    expect(cf.checks.filter((c) => c.name.startsWith('opening + change')).every((c) => c.passed)).toBe(true);
  });
});
