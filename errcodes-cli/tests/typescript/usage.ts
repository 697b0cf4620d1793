// Compiled with the exported module under `tsc --strict`: what a front end
// writes against it type-checks.
import { PassError, isPassErrorCode, advise, type ReceivedPassErrorCode, type Advice } from "./errors.js";

const received = PassError.read(503, new Headers({ "content-type": "text/html", "retry-after": "7" }), "<html>Busy</html>");
const code: ReceivedPassErrorCode | null = received.code;
if (code !== null && isPassErrorCode(code)) {
  const status: number = PassError.data.codes[code].status;
  const retryable: boolean = PassError.data.codes[code].retryable;
  console.log(status, retryable);
}
// A code added after the module was generated is still a received code.
const later: ReceivedPassErrorCode = "brand_new_code";
const advice: Advice = advise(received);
if (advice.kind === "retry-after") {
  const wait: number = advice.delayMs;
  console.log(wait, later);
}
export const source: string = PassError.data.source.catalog;

// Typed fields: the reader narrows by code.
import { AcpError, readAcpErrorFields } from "./errors.js";
const acp = AcpError.read(400, { "content-type": "application/json" }, "{}");
const fields = readAcpErrorFields(acp, "INVALID_FIELD_VALUE");
if (fields.ok) {
  const field: string = fields.fields.field;
  const range: string | undefined = fields.fields.valid_range;
  console.log(field, range, AcpError.message("INVALID_FIELD_VALUE", fields.fields));
  // In the user's language, whichever the service answered in.
  const locale: string = AcpError.language(["de-AT", "en"]);
  const shown: string = AcpError.message("INVALID_FIELD_VALUE", fields.fields, locale);
  const title: string = AcpError.title("INVALID_FIELD_VALUE", locale);
  console.log(shown, title, AcpError.data.locales, AcpError.data.defaultLocale);
} else {
  const at: string = fields.field;
  console.log(at, fields.problem);
}

// fetch: the response's own headers, or the whole response.
import { isAcpBody, type Received, type PassErrorCode } from "./errors.js";
export async function call(url: string): Promise<Received<PassErrorCode>> {
  const response = await fetch(url);
  if (!response.ok) return PassError.readResponse(response);
  return PassError.read(response.status, response.headers, await response.text());
}
// A body of a format, narrowed by its guard.
const body: unknown = JSON.parse("{}");
if (isAcpBody(body)) {
  const code: string = body.error.code;
  const delay: number | undefined = body.error.retry_after;
  console.log(code, delay);
}
