
/** A piece of a translated message: text, a field's value, or a choice of forms by a field's value. */
export type MessagePiece =
  | string
  | { readonly field: string }
  | {
      readonly select: string;
      readonly forms: { readonly [key: string]: readonly MessagePiece[] };
      readonly default: string;
    };

/** A code's texts that clients show, in one language; null where the translation leaves one out. */
export interface TranslatedTexts {
  readonly title: string | null;
  readonly message: readonly MessagePiece[] | null;
}

/** Ranges read from an `Accept-Language` header, at most: the Rust runtime's cap. */
const MAX_RANGES = 32;

/** A language range and its quality in thousandths. */
interface LanguageRange {
  readonly tag: string;
  readonly quality: number;
}

function isRange(tag: string): boolean {
  return tag === "*" || /^[A-Za-z]{1,8}(-([A-Za-z0-9]{1,8}|\*))*$/.test(tag);
}

/** A quality value in thousandths, as RFC 9110 writes it; null when malformed. */
function qvalue(text: string): number | null {
  const match = /^(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/.exec(text);
  if (match === null) return null;
  const [whole, fraction = ""] = text.split(".");
  return whole === "1" ? 1000 : Number(fraction.padEnd(3, "0"));
}

/** The ranges of an `Accept-Language` header, by quality then order; none of quality 0. */
function languageRanges(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const element of header.split(",").slice(0, MAX_RANGES)) {
    const [rawTag = "", ...parameters] = element.split(";");
    const tag = rawTag.trim();
    if (!isRange(tag)) continue;
    let quality: number | null = 1000;
    for (const parameter of parameters) {
      const at = parameter.indexOf("=");
      quality = at >= 0 && parameter.slice(0, at).trim().toLowerCase() === "q" ? qvalue(parameter.slice(at + 1).trim()) : null;
      if (quality === null) break;
    }
    if (quality !== null && quality > 0) ranges.push({ tag, quality });
  }
  // Array.prototype.sort is stable: equal qualities keep the header's order.
  return ranges.sort((a, b) => b.quality - a.quality);
}

/**
 * The language among `available` for `accepted` (an `Accept-Language`
 * header, or a list such as `navigator.languages`, best first): each range
 * looked up as RFC 4647 does (`de-CH-1996`, then `de-CH`, then `de`),
 * without regard to case; `fallback` for a wildcard, nothing or no match.
 */
function lookupLanguage(
  accepted: string | readonly string[] | null | undefined,
  available: readonly string[],
  fallback: string,
): string {
  if (accepted === null || accepted === undefined) return fallback;
  const ranges =
    typeof accepted === "string"
      ? languageRanges(accepted)
      : accepted.slice(0, MAX_RANGES).filter(isRange).map((tag) => ({ tag, quality: 1000 }));
  for (const range of ranges) {
    if (range.tag === "*") return fallback;
    let tag = range.tag;
    for (;;) {
      const found = available.find((one) => one.toLowerCase() === tag.toLowerCase());
      if (found !== undefined) return found;
      const cut = tag.lastIndexOf("-");
      if (cut < 0) break;
      tag = tag.slice(0, cut);
      // A single-letter subtag left last introduces an extension, which
      // means nothing alone.
      const last = tag.lastIndexOf("-");
      if (last >= 0 && tag.length - last === 2) tag = tag.slice(0, last);
    }
  }
  return fallback;
}

const PLURAL_RULES = new Map<string, Intl.PluralRules | null>();

/** The CLDR plural category of `value`, a number as text, in `locale`: `other` for what is no number. */
function pluralCategory(locale: string, value: string): string {
  const number = /^-?[0-9]+(?:\.([0-9]+))?$/.exec(value);
  if (number === null) return "other";
  // Visible fraction digits count, as in CLDR: `1.0` is not `one` in English.
  const digits = Math.min(number[1]?.length ?? 0, 20);
  const key = `${locale} ${digits}`;
  let rules = PLURAL_RULES.get(key);
  if (rules === undefined) {
    rules =
      Intl.PluralRules.supportedLocalesOf([locale]).length > 0
        ? new Intl.PluralRules(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
        : null;
    PLURAL_RULES.set(key, rules);
  }
  return rules === null ? "other" : rules.select(Number(value));
}

/** A number as Fluent and the Rust runtime compare a numeric key with a value. */
const NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** The form of `forms` that `value` chooses: by its text or numeric value, else its plural category, else the default. */
function chooseForm(
  forms: { readonly [key: string]: readonly MessagePiece[] },
  fallback: string,
  value: string,
  locale: string,
): readonly MessagePiece[] | undefined {
  const keys = Object.keys(forms);
  const exact = keys.find(
    (key) => key === value || (/^[0-9-]/.test(key) && NUMBER.test(value) && Number(key) === Number(value)),
  );
  if (exact !== undefined) return forms[exact];
  return forms[pluralCategory(locale, value)] ?? forms[fallback];
}

/** `pieces` with `fields` in their places, in `locale`; null when a field they need is missing. */
function renderPieces(
  pieces: readonly MessagePiece[],
  fields: { readonly [name: string]: unknown },
  locale: string,
): string | null {
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") {
      out += piece;
      continue;
    }
    const name = "field" in piece ? piece.field : piece.select;
    const value = fields[name];
    if (value === undefined || value === null) return null;
    if ("field" in piece) {
      out += asText(value);
      continue;
    }
    const form = chooseForm(piece.forms, piece.default, asText(value), locale);
    const chosen = form === undefined ? null : renderPieces(form, fields, locale);
    if (chosen === null) return null;
    out += chosen;
  }
  return out;
}
