import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("odd first and last coupon periods (Microsoft's examples)", () => {
  itFormulas([
    ["ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,0.0625,100,2,1)", 113.597717474079, 9],
    ["ODDFYIELD(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0575,84.5,100,2,0)", 0.0772455415972989, 9],
    ["ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,0)", 99.8782860147213, 9],
    ["ODDLYIELD(DATE(2008,4,20),DATE(2008,6,15),DATE(2007,12,24),0.0375,99.875,100,2,0)", 0.0451922356291692, 9],
  ]);
});

describe("odd coupon periods spanning several quasi-coupon periods", () => {
  itFormulas([
    // A long odd last period (ten years of semiannual quasi-coupons), as Excel computes it.
    ["ODDLPRICE(43891,47543,43845,0.075,0.06,120,2,1)", 121.51937811334447, 9],
    ["ODDLPRICE(43891,47543,43845,0.08,0.0711,120,2,3)", 116.47102012136368, 9],
    ["ODDLYIELD(43891,47543,43845,0.075,121.51937811334447,120,2,1)", 0.06, 12],
    // A long odd first period (issue to first coupon over a year).
    ["ODDFPRICE(43891,47543,43845,44256,0.075,0.05,120,1,1)", 131.5377155865953, 9],
    ["ODDFPRICE(43891,47543,43845,44256,0.08,0.06,120,1,3)", 125.83100063105158, 9],
    ["ODDFYIELD(43891,47543,43845,44256,0.075,131.5377155865953,120,1,1)", 0.05, 9],
  ]);
});

describe("odd coupon argument errors", () => {
  itFormulas([
    ["ODDFPRICE(DATE(2009,3,2),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,0.0625,100,2,1)", Errors.NUM],
    ["ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,0.0625,100,3,1)", Errors.NUM],
    ["ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,-0.01,100,2,1)", Errors.NUM],
    ["ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2008,3,1),0.0375,0.0405,100,2,0)", Errors.NUM],
    ["ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,5)", Errors.NUM],
    ["ODDLYIELD(DATE(2008,4,20),DATE(2008,6,15),DATE(2007,12,24),0.0375,0,100,2,0)", Errors.NUM],
    ["ODDLYIELD(\"x\",DATE(2008,6,15),DATE(2007,12,24),0.0375,99.875,100,2,0)", Errors.VALUE],
    ["ODDFYIELD(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),TRUE,84.5,100,2,0)", Errors.VALUE],
  ]);
});
