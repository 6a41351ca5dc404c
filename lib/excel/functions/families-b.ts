/** Helper B's function families: lookup and reference, date and time, financial, engineering, dynamic arrays. */
import { arrayShapeFunctions } from "@/lib/excel/functions/array-shape";
import { dateDiffFunctions } from "@/lib/excel/functions/date-diff-functions";
import { datetimeFunctions } from "@/lib/excel/functions/datetime-functions";
import { dynamicArrayFunctions } from "@/lib/excel/functions/dynamic-arrays";
import { baseFunctions } from "@/lib/excel/functions/engineering-bases";
import { besselFunctions } from "@/lib/excel/functions/engineering-bessel";
import { complexFunctions } from "@/lib/excel/functions/engineering-complex";
import { convertFunctions } from "@/lib/excel/functions/engineering-convert";
import { engineeringMiscFunctions } from "@/lib/excel/functions/engineering-misc";
import { annuityFunctions } from "@/lib/excel/functions/financial-annuity";
import { accrintFunctions } from "@/lib/excel/functions/financial-accrint";
import { bondFunctions } from "@/lib/excel/functions/financial-bonds";
import { cashflowFunctions } from "@/lib/excel/functions/financial-cashflow";
import { couponFunctions } from "@/lib/excel/functions/financial-coupons";
import { depreciationFunctions } from "@/lib/excel/functions/financial-depreciation";
import { discountFunctions } from "@/lib/excel/functions/financial-discount";
import { oddCouponFunctions } from "@/lib/excel/functions/financial-odd-coupons";
import { lookupFunctions } from "@/lib/excel/functions/lookup-functions";
import { referenceFunctions } from "@/lib/excel/functions/reference-functions";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import { workdayFunctions } from "@/lib/excel/functions/workday-functions";

export const familiesB: FunctionSpec[] = [
  ...lookupFunctions,
  ...referenceFunctions,
  ...datetimeFunctions,
  ...dateDiffFunctions,
  ...workdayFunctions,
  ...annuityFunctions,
  ...cashflowFunctions,
  ...depreciationFunctions,
  ...couponFunctions,
  ...bondFunctions,
  ...accrintFunctions,
  ...discountFunctions,
  ...oddCouponFunctions,
  ...baseFunctions,
  ...engineeringMiscFunctions,
  ...besselFunctions,
  ...convertFunctions,
  ...complexFunctions,
  ...dynamicArrayFunctions,
  ...arrayShapeFunctions,
];
