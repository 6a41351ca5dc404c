/** Helper A's function families: math and trig, statistical, text, logical, information, database. */
import { conditionalAggregateFunctions } from "@/lib/excel/functions/conditional-aggregates";
import { databaseFunctions } from "@/lib/excel/functions/database";
import { continuousDistributionFunctions } from "@/lib/excel/functions/distributions-continuous";
import { discreteDistributionFunctions } from "@/lib/excel/functions/distributions-discrete";
import { informationFunctions } from "@/lib/excel/functions/information";
import { logicalFunctions } from "@/lib/excel/functions/logical";
import { mathArrayFunctions } from "@/lib/excel/functions/math-arrays";
import { mathBasicFunctions } from "@/lib/excel/functions/math-basic";
import { mathNumeralFunctions } from "@/lib/excel/functions/math-numerals";
import { mathRoundingFunctions } from "@/lib/excel/functions/math-rounding";
import { mathTrigFunctions } from "@/lib/excel/functions/math-trig";
import { statisticalBasicFunctions } from "@/lib/excel/functions/statistical-basic";
import { statisticalDispersionFunctions } from "@/lib/excel/functions/statistical-dispersion";
import { statisticalRegressionFunctions } from "@/lib/excel/functions/statistical-regression";
import { statisticalTestFunctions } from "@/lib/excel/functions/statistical-tests";
import { subtotalAggregateFunctions } from "@/lib/excel/functions/subtotal-aggregate";
import { textBasicFunctions } from "@/lib/excel/functions/text-basic";
import { textFormatFunctions } from "@/lib/excel/functions/text-format";
import { textSearchFunctions } from "@/lib/excel/functions/text-search";
import type { FunctionSpec } from "@/lib/excel/functions/types";

export const familiesA: FunctionSpec[] = [
  ...mathBasicFunctions,
  ...mathRoundingFunctions,
  ...mathTrigFunctions,
  ...mathNumeralFunctions,
  ...mathArrayFunctions,
  ...conditionalAggregateFunctions,
  ...statisticalBasicFunctions,
  ...statisticalDispersionFunctions,
  ...statisticalRegressionFunctions,
  ...statisticalTestFunctions,
  ...continuousDistributionFunctions,
  ...discreteDistributionFunctions,
  ...subtotalAggregateFunctions,
  ...databaseFunctions,
  ...textBasicFunctions,
  ...textSearchFunctions,
  ...textFormatFunctions,
  ...logicalFunctions,
  ...informationFunctions,
];
