/** The name -> FunctionSpec map of every spreadsheet function, grouped by Excel's categories (one folder each); duplicate names are rejected at load. */
import { databaseFunctions } from "@/lib/excel/functions/database/database";
import { dateDiffFunctions } from "@/lib/excel/functions/date/date-diff-functions";
import { datetimeFunctions } from "@/lib/excel/functions/date/datetime-functions";
import { workdayFunctions } from "@/lib/excel/functions/date/workday-functions";
import { baseFunctions } from "@/lib/excel/functions/engineering/engineering-bases";
import { besselFunctions } from "@/lib/excel/functions/engineering/engineering-bessel";
import { complexFunctions } from "@/lib/excel/functions/engineering/engineering-complex";
import { complexTrigFunctions } from "@/lib/excel/functions/engineering/engineering-complex-trig";
import { convertFunctions } from "@/lib/excel/functions/engineering/engineering-convert";
import { engineeringMiscFunctions } from "@/lib/excel/functions/engineering/engineering-misc";
import { accrintFunctions } from "@/lib/excel/functions/financial/financial-accrint";
import { amortizationFunctions } from "@/lib/excel/functions/financial/financial-amortization";
import { annuityFunctions } from "@/lib/excel/functions/financial/financial-annuity";
import { bondFunctions } from "@/lib/excel/functions/financial/financial-bonds";
import { cashflowFunctions } from "@/lib/excel/functions/financial/financial-cashflow";
import { couponFunctions } from "@/lib/excel/functions/financial/financial-coupons";
import { depreciationFunctions } from "@/lib/excel/functions/financial/financial-depreciation";
import { discountFunctions } from "@/lib/excel/functions/financial/financial-discount";
import { oddCouponFunctions } from "@/lib/excel/functions/financial/financial-odd-coupons";
import { informationFunctions } from "@/lib/excel/functions/information/information";
import { lambdaFunctions } from "@/lib/excel/functions/logical/lambda-helpers";
import { logicalFunctions } from "@/lib/excel/functions/logical/logical";
import { arrayShapeFunctions } from "@/lib/excel/functions/lookup/array-shape";
import { dynamicArrayFunctions } from "@/lib/excel/functions/lookup/dynamic-arrays";
import { groupByFunctions } from "@/lib/excel/functions/lookup/group-by";
import { lookupFunctions } from "@/lib/excel/functions/lookup/lookup-functions";
import { pivotByFunctions } from "@/lib/excel/functions/lookup/pivot-by";
import { referenceFunctions } from "@/lib/excel/functions/lookup/reference-functions";
import { trimRangeFunctions } from "@/lib/excel/functions/lookup/trim-range";
import { conditionalAggregateFunctions } from "@/lib/excel/functions/math/conditional-aggregates";
import { mathArrayFunctions } from "@/lib/excel/functions/math/math-arrays";
import { mathBasicFunctions } from "@/lib/excel/functions/math/math-basic";
import { mathNumeralFunctions } from "@/lib/excel/functions/math/math-numerals";
import { mathRoundingFunctions } from "@/lib/excel/functions/math/math-rounding";
import { mathTrigFunctions } from "@/lib/excel/functions/math/math-trig";
import { percentOfFunctions } from "@/lib/excel/functions/math/percent-of";
import { subtotalAggregateFunctions } from "@/lib/excel/functions/math/subtotal-aggregate";
import { continuousDistributionFunctions } from "@/lib/excel/functions/statistical/distributions-continuous";
import { discreteDistributionFunctions } from "@/lib/excel/functions/statistical/distributions-discrete";
import { statisticalBasicFunctions } from "@/lib/excel/functions/statistical/statistical-basic";
import { statisticalDispersionFunctions } from "@/lib/excel/functions/statistical/statistical-dispersion";
import { statisticalRegressionFunctions } from "@/lib/excel/functions/statistical/statistical-regression";
import { statisticalTestFunctions } from "@/lib/excel/functions/statistical/statistical-tests";
import { textBasicFunctions } from "@/lib/excel/functions/text/text-basic";
import { bahtTextFunctions } from "@/lib/excel/functions/text/baht-text";
import { encodeUrlFunctions } from "@/lib/excel/functions/text/encode-url";
import { phoneticFunctions } from "@/lib/excel/functions/text/phonetic";
import { textFormatFunctions } from "@/lib/excel/functions/text/text-format";
import { textSearchFunctions } from "@/lib/excel/functions/text/text-search";
import type { FunctionSpec } from "@/lib/excel/functions/types";

export function buildRegistry(groups: readonly (readonly FunctionSpec[])[]): ReadonlyMap<string, FunctionSpec> {
  const map = new Map<string, FunctionSpec>();
  for (const group of groups) {
    for (const spec of group) {
      if (map.has(spec.name)) throw new Error(`Spreadsheet function ${spec.name} is declared twice`);
      map.set(spec.name, spec);
    }
  }
  return map;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = buildRegistry([
  // Math and trigonometry
  conditionalAggregateFunctions,
  mathArrayFunctions,
  mathBasicFunctions,
  mathNumeralFunctions,
  mathRoundingFunctions,
  mathTrigFunctions,
  percentOfFunctions,
  subtotalAggregateFunctions,
  // Statistical
  continuousDistributionFunctions,
  discreteDistributionFunctions,
  statisticalBasicFunctions,
  statisticalDispersionFunctions,
  statisticalRegressionFunctions,
  statisticalTestFunctions,
  // Text
  textBasicFunctions,
  bahtTextFunctions,
  encodeUrlFunctions,
  phoneticFunctions,
  textFormatFunctions,
  textSearchFunctions,
  // Logical and LAMBDA helpers
  logicalFunctions,
  lambdaFunctions,
  // Information
  informationFunctions,
  // Database
  databaseFunctions,
  // Lookup and reference, dynamic arrays
  arrayShapeFunctions,
  dynamicArrayFunctions,
  lookupFunctions,
  groupByFunctions,
  pivotByFunctions,
  referenceFunctions,
  trimRangeFunctions,
  // Date and time
  dateDiffFunctions,
  datetimeFunctions,
  workdayFunctions,
  // Financial
  annuityFunctions,
  accrintFunctions,
  amortizationFunctions,
  bondFunctions,
  cashflowFunctions,
  couponFunctions,
  depreciationFunctions,
  discountFunctions,
  oddCouponFunctions,
  // Engineering
  baseFunctions,
  besselFunctions,
  complexFunctions,
  complexTrigFunctions,
  convertFunctions,
  engineeringMiscFunctions,
]);
