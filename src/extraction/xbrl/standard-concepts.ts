// Standard-taxonomy concepts (US GAAP, IFRS, UK GAAP / FRS 102) mapped to our canonical keys. Bound by namespace
// family, not prefix: "ifrs:Revenue" and "ifrs-full:Revenue" are the same concept in different filings.
import type { StatementType } from '../types.js';
import type { QName } from './types.js';

/** Namespaces of the standard taxonomies whose concept names this table knows (any year's version). */
const STANDARD_NAMESPACE = /fasb\.org\/(us-gaap|srt)\/|xbrl\.ifrs\.org\/|ifrs-full|xbrl\.frc\.org\.uk\/|xbrl\.org\/uk\/(gaap|fr|cd)/;

export function isStandardConcept(concept: QName): boolean {
  return STANDARD_NAMESPACE.test(concept.namespace);
}

const IS_CONCEPTS: Record<string, string> = {
  revenue: 'Revenues RevenueFromContractWithCustomerExcludingAssessedTax RevenueFromContractWithCustomerIncludingAssessedTax SalesRevenueNet Revenue RevenueFromContractsWithCustomers TurnoverRevenue Turnover',
  cost_of_sales: 'CostOfRevenue CostOfGoodsAndServicesSold CostOfGoodsSold CostOfSales CostOfServices',
  gross_profit: 'GrossProfit GrossProfitLoss',
  selling_general_admin: 'SellingGeneralAndAdministrativeExpense',
  selling_marketing: 'SellingAndMarketingExpense DistributionCosts SellingExpense MarketingAndAdvertisingExpense DistributionCostsSellingExpenses',
  general_admin: 'GeneralAndAdministrativeExpense AdministrativeExpense AdministrativeExpenses',
  research_development: 'ResearchAndDevelopmentExpense ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost ResearchAndDevelopmentExpenseIncludingAcquiredInProcessCost',
  total_operating_expenses: 'OperatingExpenses CostsAndExpenses OperatingCostsAndExpenses',
  operating_profit: 'OperatingIncomeLoss ProfitLossFromOperatingActivities OperatingProfitLoss',
  interest_expense: 'InterestExpense InterestExpenseNonoperating InterestExpenseDebt',
  finance_income: 'FinanceIncome InvestmentIncomeInterest InterestRevenueExpenseNet InterestRevenueCalculatedUsingEffectiveInterestMethod',
  finance_costs: 'FinanceCosts',
  net_finance_costs: 'FinanceIncomeCost InterestIncomeExpenseNonoperatingNet InterestIncomeExpenseNet',
  other_income: 'OtherNonoperatingIncomeExpense NonoperatingIncomeExpense OtherIncome OtherOperatingIncome OtherOperatingIncomeExpense',
  profit_before_tax: 'IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments ProfitLossBeforeTax ProfitLossOnOrdinaryActivitiesBeforeTax',
  income_tax: 'IncomeTaxExpenseBenefit IncomeTaxExpenseContinuingOperations TaxOnProfitOrLossOnOrdinaryActivities TaxTaxCreditOnProfitOrLossOnOrdinaryActivities',
  net_income_continuing: 'IncomeLossFromContinuingOperations ProfitLossFromContinuingOperations',
  net_income: 'NetIncomeLoss ProfitLoss ProfitLossForPeriod ProfitLossOnOrdinaryActivitiesAfterTax',
  eps_basic: 'EarningsPerShareBasic BasicEarningsLossPerShare EarningsPerShareBasicAndDiluted BasicAndDilutedEarningsLossPerShare',
  eps_diluted: 'EarningsPerShareDiluted DilutedEarningsLossPerShare',
  weighted_average_shares: 'WeightedAverageNumberOfSharesOutstandingBasic WeightedAverageShares WeightedAverageNumberOfShareOutstandingBasicAndDiluted',
  total_comprehensive_income: 'ComprehensiveIncomeNetOfTax ComprehensiveIncome ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest',
};

const BS_CONCEPTS: Record<string, string> = {
  total_current_assets: 'AssetsCurrent CurrentAssets',
  total_non_current_assets: 'AssetsNoncurrent NoncurrentAssets FixedAssets',
  total_assets: 'Assets',
  cash_and_equivalents: 'CashAndCashEquivalentsAtCarryingValue CashAndCashEquivalents CashBankOnHand CashBankInHand Cash',
  short_term_investments: 'ShortTermInvestments MarketableSecuritiesCurrent AvailableForSaleSecuritiesDebtSecuritiesCurrent CurrentInvestments',
  trade_receivables: 'AccountsReceivableNetCurrent TradeAndOtherCurrentReceivables CurrentTradeReceivables ReceivablesNetCurrent Debtors',
  inventories: 'InventoryNet Inventories Stocks',
  property_plant_equipment: 'PropertyPlantAndEquipmentNet PropertyPlantAndEquipment PropertyPlantEquipment TangibleFixedAssets PropertyPlantAndEquipmentIncludingRightofuseAssets',
  right_of_use_assets: 'OperatingLeaseRightOfUseAsset RightofuseAssets',
  goodwill: 'Goodwill',
  intangible_assets: 'IntangibleAssetsNetExcludingGoodwill IntangibleAssetsOtherThanGoodwill FiniteLivedIntangibleAssetsNet IntangibleFixedAssets IntangibleAssets',
  deferred_tax_assets: 'DeferredIncomeTaxAssetsNet DeferredTaxAssets',
  total_current_liabilities: 'LiabilitiesCurrent CurrentLiabilities CreditorsDueWithinOneYear Creditors',
  total_non_current_liabilities: 'LiabilitiesNoncurrent NoncurrentLiabilities CreditorsDueAfterOneYear',
  total_liabilities_and_equity: 'LiabilitiesAndStockholdersEquity EquityAndLiabilities',
  total_liabilities: 'Liabilities',
  trade_payables: 'AccountsPayableCurrent TradeAndOtherCurrentPayables TradeAndOtherCurrentPayablesToTradeSuppliers CurrentTradePayables AccountsPayableTradeCurrent',
  borrowings: 'LongTermDebtNoncurrent LongTermDebt NoncurrentPortionOfNoncurrentBorrowings LongtermBorrowings',
  lease_liabilities: 'OperatingLeaseLiabilityNoncurrent LeaseLiabilities NoncurrentLeaseLiabilities',
  provisions: 'Provisions ProvisionsForLiabilitiesCharges ProvisionsForLiabilitiesBalanceSheetSubtotal',
  deferred_tax_liabilities: 'DeferredIncomeTaxLiabilitiesNet DeferredTaxLiabilities',
  share_capital: 'CommonStockValue IssuedCapital CalledUpShareCapital',
  share_premium: 'AdditionalPaidInCapital AdditionalPaidInCapitalCommonStock SharePremium SharePremiumAccount',
  retained_earnings: 'RetainedEarningsAccumulatedDeficit RetainedEarnings ProfitLossAccountReserve',
  non_controlling_interests: 'MinorityInterest NoncontrollingInterests',
  equity_attributable_to_owners: 'EquityAttributableToOwnersOfParent',
  total_equity: 'StockholdersEquity StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest Equity ShareholderFunds',
  net_assets: 'NetAssetsLiabilities NetAssetsLiabilitiesIncludingPensionAssetLiability',
};

const CASH_BALANCE = 'CashAndCashEquivalentsAtCarryingValue CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents CashAndCashEquivalents Cash CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsIncludingDisposalGroupAndDiscontinuedOperations';

const CF_CONCEPTS: Record<string, string> = {
  net_income: 'NetIncomeLoss ProfitLoss ProfitLossForPeriod',
  profit_before_tax: 'ProfitLossBeforeTax',
  depreciation_amortisation: 'DepreciationDepletionAndAmortization DepreciationAndAmortization DepreciationAmortizationAndAccretionNet AdjustmentsForDepreciationAndAmortisationExpense DepreciationAmortisationAndImpairmentLossReversalOfImpairmentLossRecognisedInProfitOrLoss',
  share_based_compensation: 'ShareBasedCompensation AllocatedShareBasedCompensationExpense AdjustmentsForSharebasedPayments',
  cash_generated_from_operations: 'CashFlowsFromUsedInOperations',
  income_taxes_paid: 'IncomeTaxesPaidNet IncomeTaxesPaidRefundClassifiedAsOperatingActivities',
  interest_paid: 'InterestPaidNet InterestPaidClassifiedAsOperatingActivities InterestPaidClassifiedAsFinancingActivities',
  interest_received: 'InterestReceivedClassifiedAsInvestingActivities InterestReceivedClassifiedAsOperatingActivities',
  net_cash_from_operating: 'NetCashProvidedByUsedInOperatingActivities NetCashProvidedByUsedInOperatingActivitiesContinuingOperations CashFlowsFromUsedInOperatingActivities',
  capex: 'PaymentsToAcquirePropertyPlantAndEquipment PaymentsToAcquireProductiveAssets PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities PurchaseOfPropertyPlantAndEquipment PurchaseOfPropertyPlantAndEquipmentIntangibleAssetsOtherThanGoodwillInvestmentPropertyAndOtherNoncurrentAssets',
  acquisitions: 'PaymentsToAcquireBusinessesNetOfCashAcquired CashFlowsUsedInObtainingControlOfSubsidiariesOrOtherBusinessesClassifiedAsInvestingActivities',
  net_cash_from_investing: 'NetCashProvidedByUsedInInvestingActivities NetCashProvidedByUsedInInvestingActivitiesContinuingOperations CashFlowsFromUsedInInvestingActivities',
  dividends_paid: 'PaymentsOfDividends PaymentsOfDividendsCommonStock DividendsPaidClassifiedAsFinancingActivities DividendsPaidToEquityHoldersOfParentClassifiedAsFinancingActivities DividendsPaid',
  proceeds_from_borrowings: 'ProceedsFromIssuanceOfLongTermDebt ProceedsFromBorrowingsClassifiedAsFinancingActivities ProceedsFromNoncurrentBorrowings ProceedsFromIssuanceOfDebt',
  repayment_of_borrowings: 'RepaymentsOfLongTermDebt RepaymentsOfBorrowingsClassifiedAsFinancingActivities RepaymentsOfNoncurrentBorrowings RepaymentsOfDebt',
  proceeds_from_share_issue: 'ProceedsFromIssuanceOfCommonStock ProceedsFromIssuingShares',
  lease_payments: 'FinanceLeasePrincipalPayments PaymentsOfLeaseLiabilitiesClassifiedAsFinancingActivities',
  net_cash_from_financing: 'NetCashProvidedByUsedInFinancingActivities NetCashProvidedByUsedInFinancingActivitiesContinuingOperations CashFlowsFromUsedInFinancingActivities',
  effect_of_exchange_rates: 'EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents EffectOfExchangeRateOnCashAndCashEquivalents EffectOfExchangeRateChangesOnCashAndCashEquivalents EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsIncludingDisposalGroupAndDiscontinuedOperations',
  net_change_in_cash: 'CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect CashAndCashEquivalentsPeriodIncreaseDecrease IncreaseDecreaseInCashAndCashEquivalents IncreaseDecreaseInCashAndCashEquivalentsBeforeEffectOfExchangeRateChanges CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect CashAndCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect',
  cash_at_end: CASH_BALANCE,
};

function index(table: Record<string, string>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [key, names] of Object.entries(table)) for (const name of names.split(' ')) if (!byName.has(name)) byName.set(name, key);
  return byName;
}

const BY_STATEMENT: Record<StatementType, Map<string, string>> = {
  INCOME_STATEMENT: index(IS_CONCEPTS),
  BALANCE_SHEET: index(BS_CONCEPTS),
  CASH_FLOW_STATEMENT: index(CF_CONCEPTS),
};

/** The canonical keys the table maps to on a statement of this type (each must be one of the taxonomy's). */
export function standardKeys(type: StatementType): string[] {
  return [...new Set(BY_STATEMENT[type].values())];
}

/** The canonical key a standard concept has on a statement of this type, or null. */
export function standardConceptKey(type: StatementType, concept: QName): string | null {
  if (!isStandardConcept(concept)) return null;
  return BY_STATEMENT[type].get(concept.local) ?? null;
}

/** A cash-balance concept: on a cash-flow statement it is the opening or the closing line, told by its date. */
export function isCashBalance(concept: QName): boolean {
  return isStandardConcept(concept) && CASH_BALANCE.split(' ').includes(concept.local);
}

/** The keys whose presence makes a table that statement (its totals and defining lines). */
export const ANCHOR_KEYS: Record<StatementType, string[]> = {
  INCOME_STATEMENT: ['revenue', 'net_income', 'eps_basic', 'eps_diluted', 'operating_profit', 'profit_before_tax', 'gross_profit', 'income_tax'],
  BALANCE_SHEET: ['total_assets', 'total_liabilities_and_equity', 'total_equity', 'total_current_assets', 'total_current_liabilities', 'net_assets', 'total_liabilities'],
  CASH_FLOW_STATEMENT: ['net_cash_from_operating', 'net_cash_from_investing', 'net_cash_from_financing', 'net_change_in_cash'],
};

/** The line that closes each statement: a table without it continues in the next one. */
export const CLOSING_KEYS: Record<StatementType, string[]> = {
  INCOME_STATEMENT: ['net_income', 'eps_basic', 'eps_diluted'],
  BALANCE_SHEET: ['total_liabilities_and_equity', 'total_equity', 'net_assets'],
  CASH_FLOW_STATEMENT: ['cash_at_end', 'net_change_in_cash'],
};
