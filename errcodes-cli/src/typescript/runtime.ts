// What every module `errcodes export --format typescript` writes shares,
// after the vocabularies and the shapes of a catalog's data, which the
// command writes from errcodes' own declarations: reading a received error
// in a catalog's wire format, and the retry decision, by the same rules
// and caps as the Rust runtime's `wire::ErrorResponse` and `retry::Policy`.
// No runtime dependency.

/** Whether `word` is an action this module knows. */
export function isAction(word: string): word is Action {
  return ACTIONS.includes(word);
}

/** Whether sending the same request again may succeed. */
export function isRetryable(action: Action): boolean {
  return action === "retry" || action === "retry-after";
}

/** Whether a client sends the same request again: after the delay the response gives, backing off, or not. */
export type Resend = "after-delay" | "backoff" | "no";

/** What a client does about a code: whether to send the request again, and what to do, in words. */
export interface Guidance {
  readonly resend: Resend;
  readonly text: string;
}

/**
 * Whether to send the same request again after an error with `action`
 * and `outcome`: only a failure whose action says so. A request partly
 * done is never sent again as it is, which would repeat what succeeded.
 */
export function resend(action: Action, outcome: Outcome): Resend {
  if (outcome !== "failure") return "no";
  if (action === "retry-after") return "after-delay";
  return action === "retry" ? "backoff" : "no";
}

/** The outcome an HTTP status implies when no known code says otherwise. */
export function outcomeForStatus(status: number): Outcome {
  if (status === 207) return "partial";
  return status >= 400 ? "failure" : "success";
}

/** The action an HTTP status implies when no known code says otherwise. */
export function actionForStatus(status: number): Action {
  if (status === 429 || status === 503) return "retry-after";
  if (status === 502 || status === 504) return "retry";
  return "none";
}

/** Where a module's data came from, so that a client can tell it is older than a server. */
export interface Source {
  /** The catalog's file. */
  readonly catalog: string;
  /** The enum's name. */
  readonly name: string;
  /** The catalog's lock, or null when it has none. */
  readonly lock: string | null;
  /** A digest of the lock's text: it changes whenever the lock does. */
  readonly lockDigest: string | null;
}

/**
 * A response's headers: fetch's `Headers` (or anything else with `get`),
 * or an object of header names as sent, in any case
 * (`{ "content-type": "application/json", "retry-after": "30" }`).
 */
export type HeadersLike =
  | { get(name: string): string | null }
  | { readonly [name: string]: string | readonly string[] | number | null | undefined };

/**
 * A header's value, several joined by commas; null when absent. A name
 * written as a property (`retryAfter`) is a mistake that would drop the
 * header without a word, so it throws.
 */
function header(headers: HeadersLike, name: string): string | null {
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name);
  const property = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  let value: string | null = null;
  for (const [key, given] of Object.entries(headers)) {
    if (key === property) throw new TypeError(`headers are named as sent: "${name}", not "${property}"`);
    if (key.toLowerCase() !== name || given === null || given === undefined) continue;
    value = Array.isArray(given) ? given.join(", ") : String(given);
  }
  return value;
}

/** What `Catalog.readResponse` reads of a fetch `Response`. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A received error, read the way the Rust client reads it. */
export interface Received<C extends string> {
  readonly status: number;
  /** The code the body names, known or not; null when it names none. */
  readonly code: C | (string & {}) | null;
  /** The code, when the catalog knows it. */
  readonly known: C | null;
  readonly action: Action;
  /** What became of the request: the known code's outcome, or the one the status implies. */
  readonly outcome: Outcome;
  /** The message for people the body carries. */
  readonly message: string | null;
  /** A delay the body gives, in seconds (ACP's `retry_after`). */
  readonly bodyDelay: number | null;
  readonly retryAfter: string | null;
  /**
   * What the error carries beyond its code, untyped: ACP's `details`, a
   * problem's or an error object's members, Google's `ErrorInfo` metadata,
   * Pass XML's elements. Null when the body has none.
   */
  readonly untyped: { readonly [member: string]: unknown } | null;
  /** Whether `untyped` holds text (metadata, XML), under each field's metadata key for Google. */
  readonly textual: "json" | "metadata" | "xml";
  /**
   * Why the body was not read, as the Rust client's `unread`: not in the
   * catalog's format, bytes that are not the charset they are declared
   * in, a charset it does not read, a member given twice. Null when read.
   */
  readonly unread: string | null;
}

/** A received error's fields, checked against its code's declaration, or the field at fault. */
export type FieldsRead<T> =
  | { readonly ok: true; readonly fields: T }
  | { readonly ok: false; readonly field: string; readonly problem: string };

/** The limits a received field is held to, as the Rust client's. */
const MAX_TEXT = 65_536;
const MAX_ITEMS = 1_024;
const MAX_DEPTH = 32;

/** Types whose values are JSON strings, which metadata and XML carry as they are. */
const TEXT_TYPES = ["string", "timestamp", "duration", "uri", "enum"];

/** What is wrong with `value` as a value of `type`; null when nothing. */
function fieldProblem(type: string, values: readonly string[] | null, value: unknown): string | null {
  const list = type.startsWith("list of ");
  if (list) {
    if (!Array.isArray(value)) return `should be a list, found ${kindOf(value)}`;
    if (value.length > MAX_ITEMS) return `has more than ${MAX_ITEMS} items`;
    for (const [i, item] of value.entries()) {
      const problem = fieldProblem(type.slice("list of ".length), values, item);
      if (problem !== null) return `has item ${i} that ${problem}`;
    }
    return null;
  }
  const wrong = (expected: string) => `should be ${expected}, found ${kindOf(value)}`;
  switch (type) {
    case "string":
      return typeof value !== "string" ? wrong("a string") : value.length > MAX_TEXT ? `has more than ${MAX_TEXT} bytes` : null;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? null : wrong("an integer");
    case "number":
      return typeof value === "number" ? null : wrong("a number");
    case "boolean":
      return typeof value === "boolean" ? null : wrong("a boolean");
    case "timestamp":
      if (typeof value !== "string") return wrong("a timestamp");
      return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value) ? null : "is not an RFC 3339 timestamp";
    case "duration":
      if (typeof value !== "string") return wrong("a duration");
      return /^[0-9]+(\.[0-9]{1,9})?s$/.test(value) ? null : "is not a duration in seconds with an `s`";
    case "uri":
      if (typeof value !== "string") return wrong("a URI");
      return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(value) ? null : "is not an absolute URI";
    case "enum":
      if (typeof value !== "string") return wrong("a string");
      return values !== null && values.includes(value) ? null : `is not one of its values`;
    default:
      return depth(value) > MAX_DEPTH ? `has more than ${MAX_DEPTH} levels of nesting` : null;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    default:
      return "an object";
  }
}

function depth(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return 1 + items.reduce<number>((deepest, item) => Math.max(deepest, depth(item)), 0);
}

/** A value as a message shows it: a string as it is, a list's items separated by `, `, anything else as JSON. */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(asText).join(", ");
  return JSON.stringify(value);
}

/** The placeables a message template may hold: a field, or a string literal. */
const PLACEABLE = /\{\s*(?:\$([A-Za-z][A-Za-z0-9_-]*)|"((?:[^"\\]|\\.)*)")\s*\}/g;

function unescapeLiteral(literal: string): string {
  return literal.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{6}|.)/g, (_, escape: string) =>
    escape.length > 1 ? String.fromCodePoint(parseInt(escape.slice(1), 16)) : escape,
  );
}

/** What to do about a failed request. */
export type Advice =
  | { readonly kind: "retry-after"; readonly delayMs: number }
  | { readonly kind: "backoff" }
  | { readonly kind: "stop"; readonly action: Action };

/** How far a client trusts a server's delay: the Rust runtime's defaults. */
export interface Policy {
  readonly maxDelayMs: number;
  readonly minDelayMs: number;
  readonly jitter: number;
}

export const DEFAULT_POLICY: Policy = { maxDelayMs: 600_000, minDelayMs: 1_000, jitter: 0.1 };

/** The longest delay a Retry-After is read as, in seconds. */
const MAX_RETRY_AFTER_S = 4_294_967_295;

/**
 * Reads a Retry-After value, delta-seconds or an HTTP-date in any of its
 * three forms, as a delay in milliseconds from `nowMs`; null when it is
 * neither. A date in the past is no delay.
 */
export function parseRetryAfter(value: string, nowMs: number): number | null {
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) {
    const seconds = text.length > 15 ? MAX_RETRY_AFTER_S : Math.min(Number(text), MAX_RETRY_AFTER_S);
    return seconds * 1000;
  }
  const at = httpDate(text);
  if (at === null) return null;
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_S * 1000);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An HTTP-date (RFC 9110, section 5.6.7), as milliseconds since the epoch. */
function httpDate(text: string): number | null {
  const imf = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(text);
  const rfc850 = /^[A-Z][a-z]+, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(text);
  const asctime = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(text);
  let parts: [string, string, number, string, string, string] | null = null;
  if (imf) parts = [imf[1]!, imf[2]!, Number(imf[3]), imf[4]!, imf[5]!, imf[6]!];
  if (rfc850) {
    const year = Number(rfc850[3]);
    parts = [rfc850[1]!, rfc850[2]!, year < 70 ? 2000 + year : 1900 + year, rfc850[4]!, rfc850[5]!, rfc850[6]!];
  }
  if (asctime) parts = [asctime[2]!.trim(), asctime[1]!, Number(asctime[6]), asctime[3]!, asctime[4]!, asctime[5]!];
  if (parts === null) return null;
  const month = MONTHS.indexOf(parts[1]);
  if (month < 0) return null;
  return Date.UTC(parts[2], month, Number(parts[0]), Number(parts[3]), Number(parts[4]), Number(parts[5]));
}

/**
 * The wait for a server's delay: never earlier than asked (unless the ask
 * passes the ceiling), and up to `jitter` of it more, at least a second's
 * worth, so that a fleet told the same delay does not come back at once.
 * `random` is in [0, 1].
 */
export function bound(delayMs: number, policy: Policy = DEFAULT_POLICY, random: number = Math.random()): number {
  const jitter = Math.min(Math.max(policy.jitter, 0), 1);
  const fraction = jitter > 0 ? Math.min(Math.max(random, 0), 1) : 0;
  if (delayMs < policy.minDelayMs) {
    return Math.min(policy.minDelayMs + policy.minDelayMs * fraction, policy.maxDelayMs);
  }
  if (delayMs >= policy.maxDelayMs) {
    return policy.maxDelayMs - policy.maxDelayMs * jitter * fraction;
  }
  const window = Math.min(Math.max(delayMs * jitter, policy.minDelayMs), policy.maxDelayMs - delayMs);
  return delayMs + window * fraction;
}

/**
 * Whether and when to retry a received error, by `resend`; without an
 * outcome, the one its status implies.
 */
export function advise(
  received: {
    readonly action: Action;
    readonly outcome?: Outcome;
    readonly status: number;
    readonly retryAfter: string | null;
    readonly bodyDelay: number | null;
  },
  options: { readonly now?: number; readonly policy?: Policy; readonly random?: number } = {},
): Advice {
  const action = received.action;
  if (resend(action, received.outcome ?? outcomeForStatus(received.status)) === "no") return { kind: "stop", action };
  const now = options.now ?? Date.now();
  const delay =
    received.bodyDelay !== null
      ? received.bodyDelay * 1000
      : received.retryAfter !== null
        ? parseRetryAfter(received.retryAfter, now)
        : null;
  if (delay === null) return { kind: "backoff" };
  return { kind: "retry-after", delayMs: bound(delay, options.policy ?? DEFAULT_POLICY, options.random ?? Math.random()) };
}

/** A problem detail (RFC 9457): the bodies of `problem` catalogs, and Edge Network's fatal errors. */
export interface ProblemBody {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly [member: string]: unknown;
}

/** An Ad Context Protocol error envelope. */
export interface AcpBody {
  readonly success: false;
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: { readonly [member: string]: unknown };
    /** Seconds to wait before retrying. */
    readonly retry_after?: number;
    readonly [member: string]: unknown;
  };
  readonly [member: string]: unknown;
}

/** An Adobe Pass error object. */
export interface PassErrorObject {
  readonly code: string;
  readonly status?: number;
  readonly message?: string;
  readonly details?: string;
  readonly helpUrl?: string;
  readonly trace?: string;
  readonly action?: string;
  readonly [member: string]: unknown;
}

/** An Adobe Pass body in JSON: one error, or items that each may carry one. */
export type PassBody =
  | { readonly error: PassErrorObject; readonly [member: string]: unknown }
  | {
      readonly resources: readonly { readonly error?: PassErrorObject; readonly [member: string]: unknown }[];
      readonly [member: string]: unknown;
    };

/** An Experience Platform gateway error. */
export interface GatewayBody {
  readonly error_code: string;
  readonly message: string;
  readonly [member: string]: unknown;
}

/** A Google API error (AIP-193): a `google.rpc.Status`, whose `ErrorInfo` detail names the code. */
export interface GoogleBody {
  readonly error: {
    readonly code: number;
    readonly message?: string;
    readonly status?: string;
    readonly details?: readonly { readonly "@type": string; readonly [member: string]: unknown }[];
    readonly [member: string]: unknown;
  };
  readonly [member: string]: unknown;
}

/** An Edge Network body of a request that was processed, with its non-fatal errors and warnings. */
export interface EdgeBody {
  readonly requestId?: string;
  readonly handle?: readonly unknown[];
  readonly errors?: readonly ProblemBody[];
  readonly warnings?: readonly ProblemBody[];
  readonly [member: string]: unknown;
}

type Members = { readonly [member: string]: unknown };

function isObject(value: unknown): value is Members {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Whether each of `names` that `value` has is a string. */
function strings(value: Members, names: readonly string[]): boolean {
  return names.every((name) => value[name] === undefined || typeof value[name] === "string");
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** Whether `value` is a problem detail: an object whose standard members have their types. */
export function isProblemBody(value: unknown): value is ProblemBody {
  if (!isObject(value) || !strings(value, ["type", "title", "detail", "instance"])) return false;
  const status = value["status"];
  return status === undefined || (isInteger(status) && status >= 100 && status <= 599);
}

/** Whether `value` is an ACP error envelope. */
export function isAcpBody(value: unknown): value is AcpBody {
  if (!isObject(value) || value["success"] !== false) return false;
  const error = value["error"];
  if (!isObject(error) || typeof error["code"] !== "string" || typeof error["message"] !== "string") return false;
  const delay = error["retry_after"];
  return (error["details"] === undefined || isObject(error["details"])) && (delay === undefined || (isInteger(delay) && delay >= 0));
}

function isPassError(value: unknown): value is PassErrorObject {
  return (
    isObject(value) &&
    typeof value["code"] === "string" &&
    strings(value, ["message", "details", "helpUrl", "trace", "action"]) &&
    (value["status"] === undefined || isInteger(value["status"]))
  );
}

/** Whether `value` is an Adobe Pass body in JSON. */
export function isPassBody(value: unknown): value is PassBody {
  if (!isObject(value)) return false;
  if (value["error"] !== undefined) return isPassError(value["error"]);
  const resources = value["resources"];
  return Array.isArray(resources) && resources.every((item) => isObject(item) && (item["error"] === undefined || isPassError(item["error"])));
}

/** Whether `value` is an Experience Platform gateway error. */
export function isGatewayBody(value: unknown): value is GatewayBody {
  return isObject(value) && typeof value["error_code"] === "string" && typeof value["message"] === "string";
}

/** Whether `value` is a Google API error. */
export function isGoogleBody(value: unknown): value is GoogleBody {
  if (!isObject(value)) return false;
  const error = value["error"];
  if (!isObject(error) || !isInteger(error["code"]) || !strings(error, ["message", "status"])) return false;
  const details = error["details"];
  return details === undefined || (Array.isArray(details) && details.every((d) => isObject(d) && typeof d["@type"] === "string"));
}

/** Whether `value` is an Edge Network body of a processed request. */
export function isEdgeBody(value: unknown): value is EdgeBody {
  if (!isObject(value) || !strings(value, ["requestId"])) return false;
  const list = (name: string) => value[name] === undefined || (Array.isArray(value[name]) && (value[name] as unknown[]).every(isProblemBody));
  return (value["handle"] === undefined || Array.isArray(value["handle"])) && list("errors") && list("warnings");
}

type Json = null | boolean | number | string | Json[] | { [member: string]: Json };

function object(value: Json | undefined): { [member: string]: Json } | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

function text(value: Json | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/** What a body says, before the catalog is asked. */
interface Said {
  code: string | null;
  action: Action | null;
  message: string | null;
  bodyDelay: number | null;
  /** The status the error itself gives, for an error listed in a body. */
  status: number | null;
  /** Whether the code belongs to another service (a Google reason of another domain). */
  foreign?: boolean;
  untyped?: { [member: string]: Json } | null;
  textual?: "json" | "metadata" | "xml";
}

const NOTHING: Said = { code: null, action: null, message: null, bodyDelay: null, status: null };

/** The functions of one catalog's module. */
export class Catalog<C extends string> {
  readonly data: CatalogData<C>;
  private reasons: Map<string, C> | null = null;

  constructor(data: CatalogData<C>) {
    this.data = data;
  }

  /** The code whose gRPC reason is `reason`, or null. */
  codeOfReason(reason: string): C | null {
    if (this.reasons === null) {
      this.reasons = new Map();
      for (const code of Object.keys(this.data.codes) as C[]) {
        const known = this.data.codes[code].grpcReason;
        if (known !== null) this.reasons.set(known, code);
      }
    }
    return this.reasons.get(reason) ?? null;
  }

  /** Whether `code` is one of the catalog's codes. */
  isCode(code: string): code is C {
    return Object.prototype.hasOwnProperty.call(this.data.codes, code);
  }

  /** What the catalog knows of `code`, or undefined. */
  info(code: string): CodeInfo<C> | undefined {
    return this.isCode(code) ? this.data.codes[code] : undefined;
  }

  /**
   * Reads an error response: the code, the action, the message, a delay.
   * A body that is not in the catalog's format names no code, and the
   * status decides, as for a code the catalog does not know; so does a
   * body the Rust client refuses (see `Received.unread`). Given bytes,
   * it decodes them by the `charset` the content type declares (UTF-8,
   * US-ASCII or ISO-8859-1); given a string, it takes it as decoded.
   */
  read(status: number, headers: HeadersLike, body: string | Uint8Array): Received<C> {
    const contentType = header(headers, "content-type");
    const text = typeof body === "string" ? body.replace(/^\uFEFF/, "") : decode(contentType, body);
    const refused = typeof text === "string" ? refusal(contentType, text) : text.refused;
    const said = refused === null && typeof text === "string" ? this.said(status, contentType, text) : NOTHING;
    const unread = refused ?? (said === NOTHING ? "the body is not in the catalog's format" : null);
    const known = said.code !== null && said.foreign !== true && this.isCode(said.code) ? said.code : null;
    // An error listed in a body is judged at its own status.
    const at = said.status ?? status;
    const action =
      said.action ??
      (known !== null
        ? this.data.codes[known].action
        : said.bodyDelay !== null
          ? "retry-after"
          : actionForStatus(at));
    return {
      status,
      code: said.code,
      known,
      action,
      outcome: known !== null ? this.data.codes[known].outcome : outcomeForStatus(status),
      message: said.message,
      bodyDelay: said.bodyDelay,
      retryAfter: header(headers, "retry-after"),
      untyped: said.untyped ?? null,
      textual: said.textual ?? "json",
      unread,
    };
  }

  /**
   * Reads a fetch `Response` as `read` does, from its bytes, so that their
   * charset is applied as the Rust client applies it. Consumes the body.
   */
  async readResponse(response: ResponseLike): Promise<Received<C>> {
    return this.read(response.status, response.headers, new Uint8Array(await response.arrayBuffer()));
  }

  /**
   * The fields of a received error, each checked against its code's
   * declaration (type, presence, size); members the catalog does not
   * declare stay in `received.untyped`. With `code`, the error must be of
   * that code.
   */
  readFields(received: Received<C>, code?: C): FieldsRead<{ readonly [name: string]: unknown }> {
    const known = received.known;
    if (known === null || (code !== undefined && known !== code)) {
      const problem =
        received.code === null ? "the error names no code" : `the error is ${received.code}${code === undefined ? ", which the catalog does not know" : `, not ${code}`}`;
      return { ok: false, field: "", problem };
    }
    const fields: { [name: string]: unknown } = {};
    for (const [name, field] of Object.entries(this.data.codes[known].fields ?? {})) {
      const untyped = received.untyped;
      let value: unknown = untyped === null ? undefined : untyped[received.textual === "metadata" ? field.key : name];
      if (received.textual !== "json" && typeof value === "string" && !TEXT_TYPES.includes(field.type)) {
        if (value.length > MAX_TEXT) return { ok: false, field: name, problem: `has more than ${MAX_TEXT} bytes` };
        try {
          value = JSON.parse(value);
        } catch {
          return { ok: false, field: name, problem: `is not JSON: ${JSON.stringify(value)}` };
        }
      }
      // Null is a value of `any`; of any other type, it says "none".
      if (value === undefined || (value === null && field.type !== "any")) {
        if (!field.optional) return { ok: false, field: name, problem: "is missing" };
        continue;
      }
      const problem = fieldProblem(field.type, field.values, value);
      if (problem !== null) return { ok: false, field: name, problem };
      fields[name] = value;
    }
    return { ok: true, fields };
  }

  /**
   * The message of an occurrence of `code` with `fields`: the code's
   * template filled in, or its title when it has none or the template
   * names a field that `fields` leaves out. What the Rust server sends,
   * rendered on the client.
   *
   * With `locale`, one of the catalog's `locales` (see `language`), the
   * translation's template, its forms chosen by CLDR's plural rules for
   * the language, as the Rust client's `message_in` renders it: the
   * translated title where the code has no template, and the catalog's
   * own message where the translation leaves it out or names a field
   * that `fields` leaves out.
   */
  message(code: C, fields: { readonly [name: string]: unknown } = {}, locale?: string): string {
    const info = this.data.codes[code];
    const translated = this.translated(code, locale);
    if (translated !== undefined) {
      const { tag, texts } = translated;
      if (texts.message !== null) {
        const shown = renderPieces(texts.message, fields, tag);
        if (shown !== null) return shown;
      } else if (info.message === null && texts.title !== null) {
        return texts.title;
      }
    }
    if (info.forms !== null) return renderPieces(info.forms, fields, this.data.defaultLocale) ?? info.title;
    const template = info.message;
    if (template === null) return info.title;
    let missing = false;
    const text = template.replace(PLACEABLE, (_, name: string | undefined, literal: string | undefined) => {
      if (literal !== undefined) return unescapeLiteral(literal);
      const value = name === undefined ? undefined : fields[name];
      if (value === undefined || value === null) missing = true;
      return asText(value);
    });
    return missing ? info.title : text;
  }

  /**
   * The language to show the catalog's texts in, for a user's languages:
   * an `Accept-Language` header, or a list best first such as
   * `navigator.languages`. One of the catalog's `locales` by RFC 4647's
   * lookup (`de-AT` finds `de`), else its `defaultLocale`: what the Rust
   * service answers in for the same header.
   */
  language(accepted: string | readonly string[] | null | undefined): string {
    return lookupLanguage(accepted, [this.data.defaultLocale, ...this.data.locales], this.data.defaultLocale);
  }

  /** `code`'s texts in `locale`, one of the catalog's `locales` in any case, and its tag; undefined for its own language or one it lacks. */
  private translated(code: C, locale: string | undefined): { tag: string; texts: TranslatedTexts } | undefined {
    if (locale === undefined) return undefined;
    const tag = this.data.locales.find((one) => one.toLowerCase() === locale.toLowerCase());
    const texts = tag === undefined ? undefined : this.data.codes[code].translations[tag];
    return tag === undefined || texts === undefined ? undefined : { tag, texts };
  }

  /** `code`'s title in `locale` (see `language`); the catalog's own where the translation leaves it out. */
  title(code: C, locale?: string): string {
    return this.translated(code, locale)?.texts.title ?? this.data.codes[code].title;
  }

  private said(status: number, contentType: string | null, body: string): Said {
    const media = contentType?.split(";")[0]?.trim().toLowerCase() ?? null;
    if (media === "application/problem+json") return this.problemIn(body);
    const xml = media !== null ? media.endsWith("/xml") || media.endsWith("+xml") : body.trimStart().startsWith("<");
    if (xml) return passXml(body);
    switch (this.data.wireFormat) {
      case "problem":
        return this.problemIn(body);
      case "edge":
        return status >= 400 ? this.problemIn(body) : this.edge(body);
      case "acp":
        return acp(body);
      case "pass":
      case "pass-xml":
        return pass(body);
      case "gateway":
        return gateway(body);
      case "google":
        return this.google(body);
    }
  }

  /**
   * A Google error (AIP-193), `{"error": {…}}` or the bare status gateways
   * send: the code is the `ErrorInfo`'s reason, within the catalog's domain.
   */
  private google(body: string): Said {
    const parsed = parse(body);
    if (parsed === null) return NOTHING;
    const wrapped = object(parsed["error"]);
    const error = wrapped ?? ("code" in parsed || "details" in parsed ? parsed : null);
    if (error === null) return NOTHING;
    const list = error["details"];
    const details = Array.isArray(list) ? list.map(object).filter((d) => d !== null) : [];
    const detail = (type: string) => details.find((d) => text(d["@type"])?.split("/").pop() === type);
    const info = detail("google.rpc.ErrorInfo");
    const reason = info === undefined ? null : text(info["reason"]);
    let code: string | null = reason;
    let foreign = false;
    if (reason !== null && this.data.grpcDomain !== null) {
      const ours = (text(info?.["domain"]) ?? "") === this.data.grpcDomain;
      const mapped = ours ? this.codeOfReason(reason) : null;
      code = mapped ?? reason;
      foreign = mapped === null;
    }
    const retry = detail("google.rpc.RetryInfo");
    return {
      code,
      action: null,
      message: text(error["message"]),
      bodyDelay: retry === undefined ? null : protobufDuration(text(retry["retryDelay"])),
      status: null,
      foreign,
      untyped: object(info?.["metadata"]),
      textual: "metadata",
    };
  }

  private problemIn(body: string): Said {
    const problem = parse(body);
    return problem === null ? NOTHING : this.problem(problem);
  }

  private problem(problem: { [member: string]: Json }): Said {
    let code: string | null = null;
    const template = this.data.problemType;
    if (this.data.problemCode === "type" && template !== null) {
      code = codeIn(template, text(problem["type"]));
    } else if (this.data.problemCode === "title") {
      code = text(problem["title"]);
    }
    code ??= text(problem["code"]);
    return {
      code,
      action: null,
      message: text(problem["detail"]) ?? text(problem["title"]),
      bodyDelay: null,
      status: null,
      untyped: problem,
    };
  }

  private edge(body: string): Said {
    const errors = parse(body)?.["errors"];
    const first = Array.isArray(errors) ? errors.map(object).find((e) => e !== null) : undefined;
    if (!first) return NOTHING;
    const status = first["status"];
    return {
      ...this.problem(first),
      message: text(first["title"]) ?? text(first["detail"]),
      status: typeof status === "number" && Number.isInteger(status) && status >= 0 && status <= 65535 ? status : null,
    };
  }
}

/** The `charset` parameter of a content type, lower case; null without one. */
function charsetOf(contentType: string | null): string | null {
  const found = contentType === null ? null : /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return found ? found[1]!.toLowerCase() : null;
}

const UTF8 = ["utf-8", "utf8", "us-ascii", "ascii"];
const LATIN1 = ["iso-8859-1", "iso_8859-1", "latin1", "l1"];

/** A body's bytes as text, by its declared charset, or why they cannot be. */
function decode(contentType: string | null, bytes: Uint8Array): string | { refused: string } {
  const charset = charsetOf(contentType);
  if (charset !== null && LATIN1.includes(charset)) {
    // Every byte is the character of that number: not windows-1252, which
    // is what TextDecoder gives for these labels.
    let text = "";
    for (let at = 0; at < bytes.length; at += 8192) {
      text += String.fromCharCode(...bytes.subarray(at, at + 8192));
    }
    return text;
  }
  if (charset !== null && !UTF8.includes(charset)) return { refused: charsetRefused(charset) };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refused: "the body is not UTF-8" };
  }
}

function charsetRefused(charset: string): string {
  return `the body is declared in charset \`${charset}\`, which is not read: only UTF-8, US-ASCII and ISO-8859-1 are`;
}

/** Why a decoded body is refused: a charset not read, or a member given twice. */
function refusal(contentType: string | null, text: string): string | null {
  const charset = charsetOf(contentType);
  if (charset !== null && !UTF8.includes(charset) && !LATIN1.includes(charset)) return charsetRefused(charset);
  const repeated = text.trimStart().startsWith("<") ? repeatedElement(text) : repeatedMember(text);
  return repeated === null ? null : `the body gives ${repeated} twice`;
}

/**
 * The first member name an object of `json` gives twice, at any depth, as
 * `"name"`; null when none is, or when `json` is not JSON. A proxy that
 * read the first while the client read the last would see another error.
 */
function repeatedMember(json: string): string | null {
  // One entry per open object (its names so far) or array (null).
  const open: (Set<string> | null)[] = [];
  const token = /"(?:[^"\\]|\\.)*"|[{}[\]:,]/g;
  let name = false;
  for (let found = token.exec(json); found !== null; found = token.exec(json)) {
    const t = found[0];
    if (t === "{" || t === "[") {
      open.push(t === "{" ? new Set() : null);
      name = t === "{";
    } else if (t === "," || t === "}" || t === "]" || t === ":") {
      if (t === "}" || t === "]") open.pop();
      name = t === "," && open[open.length - 1] instanceof Set;
    } else if (name) {
      const names = open[open.length - 1] as Set<string>;
      let text: string;
      try {
        text = JSON.parse(t) as string;
      } catch {
        return null;
      }
      if (names.has(text)) return JSON.stringify(text);
      names.add(text);
      name = false;
    }
  }
  return null;
}

/** The error fields Pass's XML may give once each. */
const XML_FIELDS = ["status", "code", "message", "details", "helpUrl", "trace", "action"];

/** The first field of an `<error>` given twice, as `<name>`; null when none is. */
function repeatedElement(xml: string): string | null {
  for (const name of XML_FIELDS) {
    const count = xml.split(new RegExp(`<${name}(?:\\s[^>]*)?/?>`)).length - 1;
    if (count > 1) return `<${name}>`;
  }
  return null;
}

/** A protobuf duration in its JSON form ("30s", "1.5s") in seconds, or null. */
function protobufDuration(value: string | null): number | null {
  const found = value === null ? null : /^([0-9]+)(?:\.([0-9]{1,9}))?s$/.exec(value);
  if (!found) return null;
  return Number(found[1]) + Number(`0.${found[2] ?? "0"}`);
}

/** The code in a problem's `type`, when it has the template's shape. */
function codeIn(template: string, uri: string | null): string | null {
  const at = template.indexOf("{code}");
  if (uri === null || at < 0) return null;
  const prefix = template.slice(0, at);
  const suffix = template.slice(at + "{code}".length);
  if (!uri.startsWith(prefix) || !uri.endsWith(suffix) || uri.length <= prefix.length + suffix.length) return null;
  const encoded = uri.slice(prefix.length, uri.length - suffix.length);
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** A JSON object, or null for anything else. */
function parse(body: string): { [member: string]: Json } | null {
  try {
    return object(JSON.parse(body) as Json);
  } catch {
    return null;
  }
}

function acp(body: string): Said {
  const error = object(parse(body)?.["error"]);
  if (error === null) return NOTHING;
  const delay = error["retry_after"];
  return {
    code: text(error["code"]),
    action: null,
    message: text(error["message"]),
    bodyDelay: typeof delay === "number" && Number.isInteger(delay) && delay >= 0 ? delay : null,
    status: null,
    untyped: object(error["details"]),
  };
}

function passError(error: { [member: string]: Json }): Said {
  const action = text(error["action"]);
  return {
    code: text(error["code"]),
    action: action !== null && isAction(action) ? action : null,
    message: text(error["message"]),
    bodyDelay: null,
    status: null,
    untyped: error,
  };
}

function pass(body: string): Said {
  const parsed = parse(body);
  const error = object(parsed?.["error"]);
  if (error !== null) return passError(error);
  if (parsed === null) return NOTHING;
  // A Pass body names no code when no item failed: read, all the same.
  const resources = parsed["resources"];
  for (const resource of Array.isArray(resources) ? resources : []) {
    const failed = object(object(resource)?.["error"]);
    if (failed !== null) return passError(failed);
  }
  return { ...NOTHING };
}

/** An Adobe Pass error in XML: the fields of `<error>`, read as text. */
function passXml(body: string): Said {
  const root = /<error(?:\s[^>]*)?>([\s\S]*)<\/error>/.exec(body);
  if (!root) return NOTHING;
  const field = (name: string, trim: boolean): string | null => {
    const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(root[1]!);
    if (!found) return null;
    const value = found[1]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    return trim ? value.trim() : value;
  };
  const action = field("action", true);
  const elements: { [member: string]: Json } = {};
  for (const [, name] of root[1]!.matchAll(/<([A-Za-z_][A-Za-z0-9_.-]*)>[^<]*<\/\1>/g)) {
    elements[name!] ??= field(name!, false);
  }
  return {
    code: field("code", true),
    action: action !== null && isAction(action) ? action : null,
    message: field("message", false),
    bodyDelay: null,
    status: null,
    untyped: elements,
    textual: "xml",
  };
}

function gateway(body: string): Said {
  const parsed = parse(body);
  if (parsed === null) return NOTHING;
  return {
    code: text(parsed["error_code"]),
    action: null,
    message: text(parsed["message"]),
    bodyDelay: null,
    status: null,
    untyped: parsed,
  };
}
