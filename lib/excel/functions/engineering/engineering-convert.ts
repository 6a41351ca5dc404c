/** CONVERT: Excel's measurement units (with SI and binary prefixes where Excel allows them). */
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type Value } from "@/lib/excel/values";

interface Unit {
  readonly group: string;
  readonly factor: number;
  /** 0: no prefixes; 1, 2, 3: SI prefixes raised to this power (m, m2, m3); 4: SI and binary prefixes. */
  readonly prefix: 0 | 1 | 2 | 3 | 4;
}

const UNITS = new Map<string, Unit>();

function define(group: string, prefix: Unit["prefix"], factor: number, ...names: string[]): void {
  for (const name of names) UNITS.set(name, { group, factor, prefix });
}

define("mass", 1, 1, "g");
define("mass", 0, 14593.902937206364, "sg");
define("mass", 0, 453.59237, "lbm");
define("mass", 1, 1.66053886e-24, "u");
define("mass", 0, 28.349523125, "ozm");
define("mass", 0, 6350.29318, "stone");
define("mass", 0, 907184.74, "ton");
define("mass", 0, 0.06479891, "grain");
define("mass", 0, 45359.237, "cwt", "shweight");
define("mass", 0, 50802.34544, "uk_cwt", "lcwt", "hweight");
define("mass", 0, 1016046.9088, "uk_ton", "LTON", "brton");
define("distance", 1, 1, "m");
define("distance", 0, 1609.344, "mi");
define("distance", 0, 1852, "Nmi");
define("distance", 0, 0.0254, "in");
define("distance", 0, 0.3048, "ft");
define("distance", 0, 0.9144, "yd");
define("distance", 1, 1e-10, "ang");
define("distance", 0, 1.143, "ell");
define("distance", 1, 9460730472580800, "ly");
define("distance", 1, 30856775812815500, "parsec", "pc");
define("distance", 0, 0.0254 / 72, "Picapt", "Pica");
define("distance", 0, 0.0254 / 6, "pica");
define("distance", 0, 1609.3472186944373, "survey_mi");
define("time", 0, 31557600, "yr");
define("time", 0, 86400, "day", "d");
define("time", 0, 3600, "hr");
define("time", 0, 60, "mn", "min");
define("time", 1, 1, "sec", "s");
define("pressure", 1, 1, "Pa", "p");
define("pressure", 1, 101325, "atm", "at");
define("pressure", 1, 133.322, "mmHg");
define("pressure", 0, 6894.757293168361, "psi");
define("pressure", 0, 101325 / 760, "Torr");
define("force", 1, 1, "N");
define("force", 1, 1e-5, "dyn", "dy");
define("force", 0, 4.4482216152605, "lbf");
define("force", 1, 0.00980665, "pond");
define("energy", 1, 1, "J");
define("energy", 1, 1e-7, "e");
define("energy", 1, 4.184, "c");
define("energy", 1, 4.1868, "cal");
define("energy", 1, 1.602176487e-19, "eV", "ev");
define("energy", 0, 2684519.537696173, "HPh", "hh");
define("energy", 1, 3600, "Wh", "wh");
define("energy", 0, 1.3558179483314003, "flb");
define("energy", 0, 1055.05585262, "BTU", "btu");
define("power", 0, 745.6998715822702, "HP", "h");
define("power", 0, 735.49875, "PS");
define("power", 1, 1, "W", "w");
define("magnetism", 1, 1, "T");
define("magnetism", 1, 1e-4, "ga");
define("volume", 0, 4.92892159375e-6, "tsp");
define("volume", 0, 5e-6, "tspm");
define("volume", 0, 1.478676478125e-5, "tbs");
define("volume", 0, 2.95735295625e-5, "oz");
define("volume", 0, 2.365882365e-4, "cup");
define("volume", 0, 4.73176473e-4, "pt", "us_pt");
define("volume", 1, 5.6826125e-4, "uk_pt");
define("volume", 0, 9.46352946e-4, "qt");
define("volume", 0, 1.1365225e-3, "uk_qt");
define("volume", 0, 3.785411784e-3, "gal");
define("volume", 0, 4.54609e-3, "uk_gal");
define("volume", 1, 1e-3, "l", "L", "lt");
define("volume", 3, 1, "m3", "m^3");
define("volume", 3, 1e-30, "ang3", "ang^3");
define("volume", 0, 0.158987294928, "barrel");
define("volume", 0, 0.03523907016688, "bushel");
define("volume", 0, 0.028316846592, "ft3", "ft^3");
define("volume", 0, 1.6387064e-5, "in3", "in^3");
define("volume", 0, 0.764554857984, "yd3", "yd^3");
define("volume", 0, 4168181825.44058, "mi3", "mi^3");
define("volume", 0, 8.46786664623715e47, "ly3", "ly^3");
define("volume", 0, 6352182208, "Nmi3", "Nmi^3");
define("volume", 0, 4.39039566186557e-11, "Picapt3", "Picapt^3", "Pica3", "Pica^3");
define("volume", 0, 1.13267386368, "MTON");
define("volume", 0, 2.8316846592, "GRT", "regton");
define("area", 2, 1, "m2", "m^2");
define("area", 2, 1e-20, "ang2", "ang^2");
define("area", 0, 0.09290304, "ft2", "ft^2");
define("area", 0, 0.00064516, "in2", "in^2");
define("area", 0, 0.83612736, "yd2", "yd^2");
define("area", 0, 2589988.110336, "mi2", "mi^2");
define("area", 0, 3429904, "Nmi2", "Nmi^2");
define("area", 0, 8.95054210748189e31, "ly2", "ly^2");
define("area", 0, 1.24452160493827e-7, "Picapt2", "Picapt^2", "Pica2", "Pica^2");
define("area", 0, 10000, "ha");
define("area", 0, 4046.8564224, "uk_acre");
define("area", 0, 4046.87260987425, "us_acre");
define("area", 0, 2500, "Morgen");
define("area", 1, 100, "ar");
define("information", 4, 1, "bit");
define("information", 4, 8, "byte");
define("speed", 1, 1, "m/s", "m/sec");
define("speed", 1, 1 / 3600, "m/h", "m/hr");
define("speed", 1, 0.44704, "mph");
define("speed", 0, 1852 / 3600, "kn");
define("speed", 0, 1853.184 / 3600, "admkn");

const SI_PREFIXES: Record<string, number> = {
  Y: 1e24, Z: 1e21, E: 1e18, P: 1e15, T: 1e12, G: 1e9, M: 1e6, k: 1e3, h: 1e2, da: 10, e: 10,
  d: 1e-1, c: 1e-2, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15, a: 1e-18, z: 1e-21, y: 1e-24,
};
const BINARY_PREFIXES: Record<string, number> = {
  ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, Zi: 2 ** 70, Yi: 2 ** 80,
};

const TEMPERATURES: Record<string, [toKelvin: (x: number) => number, fromKelvin: (k: number) => number]> = {
  C: [(x) => x + 273.15, (k) => k - 273.15],
  F: [(x) => ((x - 32) * 5) / 9 + 273.15, (k) => ((k - 273.15) * 9) / 5 + 32],
  K: [(x) => x, (k) => k],
  Rank: [(x) => (x * 5) / 9, (k) => (k * 9) / 5],
  Reau: [(x) => x * 1.25 + 273.15, (k) => (k - 273.15) * 0.8],
};
const TEMPERATURE_ALIASES: Record<string, string> = { cel: "C", fah: "F", kel: "K" };

interface Resolved {
  readonly group: string;
  readonly factor: number;
}

function resolve(name: string): Resolved | undefined {
  const unit = UNITS.get(name);
  if (unit) return unit;
  for (const [prefix, scale] of [...Object.entries(BINARY_PREFIXES), ...Object.entries(SI_PREFIXES)]) {
    if (!name.startsWith(prefix)) continue;
    const base = UNITS.get(name.slice(prefix.length));
    if (!base || base.prefix === 0) continue;
    const binary = prefix in BINARY_PREFIXES;
    if (binary && base.prefix !== 4) continue;
    const power = base.prefix === 4 ? 1 : base.prefix;
    return { group: base.group, factor: base.factor * scale ** power };
  }
  return undefined;
}

function temperature(name: string): [(x: number) => number, (k: number) => number, number] | undefined {
  const canonical = TEMPERATURE_ALIASES[name] ?? name;
  const direct = TEMPERATURES[canonical];
  if (direct) return [direct[0], direct[1], 1];
  for (const [prefix, scale] of Object.entries(SI_PREFIXES)) {
    const rest = name.slice(prefix.length);
    if (name.startsWith(prefix) && (rest === "K" || rest === "kel")) return [(x) => x * scale, (k) => k / scale, scale];
  }
  return undefined;
}

function convert(_ctx: EvalContext, value: number, from: string, to: string): Value {
  const tFrom = temperature(from);
  const tTo = temperature(to);
  if (tFrom || tTo) {
    if (!tFrom || !tTo) return Errors.NA;
    return tTo[1](tFrom[0](value));
  }
  const a = resolve(from);
  const b = resolve(to);
  if (!a || !b || a.group !== b.group) return Errors.NA;
  return (value * a.factor) / b.factor;
}

export const convertFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "CONVERT", minArgs: 3, maxArgs: 3, args: ["number", "string", "string"], impl: convert },
]);
