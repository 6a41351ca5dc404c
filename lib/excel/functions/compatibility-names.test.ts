import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("legacy statistical names agree with their modern forms", () => {
  itFormulas([
    ["ZTEST({3,6,7,8,6,5,4,2,1,9},4)", 0.090574, 6],
    ["CHITEST({58,35;11,25;10,23},{45.35,47.65;17.56,18.44;16.09,16.91})", 0.0003082, 7],
    ["NORMINV(0.908789,40,1.5)", 42.000002, 6],
    ["NORMSINV(0.908789)", 1.3333347, 6],
    ["LOGNORMDIST(4,3.5,1.2)", 0.0390836, 7],
    ["LOGINV(0.039084,3.5,1.2)", 4.0000252, 6],
    ["GAMMADIST(10.00001131,9,2,TRUE)", 0.068094, 6],
    ["GAMMAINV(0.068094,9,2)", 10.0000112, 5],
    ["GAMMALN.PRECISE(4)", 1.791759469, 9],
    ["BETADIST(2,8,10,1,3)", 0.6854706, 7],
    ["BETAINV(0.685470581,8,10,1,3)", 2, 7],
    ["TINV(0.546449,60)", 0.606533, 6],
    ["CHIDIST(18.307,10)", 0.0500006, 7],
    ["CHIINV(0.050001,10)", 18.30697, 4],
    ["FDIST(15.2068649,6,4)", 0.01, 7],
    ["FINV(0.01,6,4)", 15.206865, 5],
    ["BINOMDIST(6,10,0.5,FALSE)", 0.2050781, 7],
    ["CRITBINOM(6,0.5,0.75)", 4],
    ["NEGBINOMDIST(10,5,0.25)", 0.0550487, 7],
    ["POISSON(2,5,TRUE)", 0.124652, 6],
    ["HYPGEOMDIST(1,4,8,20)", 0.3633, 4],
    ["CONFIDENCE(0.05,2.5,50)", 0.692952, 6],
    ["CONFIDENCE(1,2.5,50)", Errors.NUM],
    ["EXPONDIST(0.2,10,TRUE)", 0.86466472, 8],
    ["EXPONDIST(0.2,10,FALSE)", 1.35335283, 8],
    ["EXPONDIST(-1,10,TRUE)", Errors.NUM],
    ["WEIBULL(105,20,100,TRUE)", 0.929581, 6],
    ["WEIBULL(105,20,100,FALSE)", 0.035589, 6],
    ["WEIBULL(105,0,100,TRUE)", Errors.NUM],
  ]);
});

describe("byte-oriented text functions behave like the character ones", () => {
  itFormulas([
    ["RIGHTB(\"abc\",2)", "bc"],
    ["MIDB(\"abcdef\",2,3)", "bcd"],
    ["REPLACEB(\"abcdef\",2,3,\"X\")", "aXef"],
    ["DBCS(\"abc\")", "abc"],
    ["JIS(\"abc\")", "abc"],
  ]);
});
