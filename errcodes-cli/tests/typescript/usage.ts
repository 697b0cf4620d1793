// Compiled with the exported module under `tsc --strict`: what a front end
// writes against it type-checks.
import { PassError, isPassErrorCode, advise, type ReceivedPassErrorCode, type Advice } from "./errors.js";

const received = PassError.read(503, { contentType: "text/html", retryAfter: "7" }, "<html>Busy</html>");
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
const acp = AcpError.read(400, { contentType: "application/json" }, "{}");
const fields = readAcpErrorFields(acp, "INVALID_FIELD_VALUE");
if (fields.ok) {
  const field: string = fields.fields.field;
  const range: string | undefined = fields.fields.valid_range;
  console.log(field, range, AcpError.message("INVALID_FIELD_VALUE", fields.fields));
} else {
  const at: string = fields.field;
  console.log(at, fields.problem);
}
