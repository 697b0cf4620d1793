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

/** The headers a client reads. */
export interface Headers {
  readonly contentType?: string | null;
  readonly retryAfter?: string | null;
}

/** A received error, read the way the Rust client reads it. */
export interface Received<C extends string> {
  readonly status: number;
  /** The code the body names, known or not; null when it names none. */
  readonly code: C | (string & {}) | null;
  /** The code, when the catalog knows it. */
  readonly known: C | null;
  readonly action: Action;
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

/** Whether and when to retry a received error. */
export function advise(
  received: { readonly action: Action; readonly status: number; readonly retryAfter: string | null; readonly bodyDelay: number | null },
  options: { readonly now?: number; readonly policy?: Policy; readonly random?: number } = {},
): Advice {
  const action = received.action;
  if (!isRetryable(action)) return { kind: "stop", action };
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
  private reasons: Map<string, C> | null = null;

  constructor(readonly data: CatalogData<C>) {}

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
   * status decides, as for a code the catalog does not know.
   */
  read(status: number, headers: Headers, body: string): Received<C> {
    const said = this.said(status, headers.contentType ?? null, body.replace(/^\uFEFF/, ""));
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
      message: said.message,
      bodyDelay: said.bodyDelay,
      retryAfter: headers.retryAfter ?? null,
      untyped: said.untyped ?? null,
      textual: said.textual ?? "json",
    };
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
   */
  message(code: C, fields: { readonly [name: string]: unknown } = {}): string {
    const info = this.data.codes[code];
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
  const resources = parsed?.["resources"];
  if (!Array.isArray(resources)) return NOTHING;
  for (const resource of resources) {
    const failed = object(object(resource)?.["error"]);
    if (failed !== null) return passError(failed);
  }
  return NOTHING;
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
