// Run by errcodes-cli/tests/typescript.rs with node's own test runner: the
// TypeScript module reads every case the Rust client read and reaches the
// same code, action and advice, from a string, from the bytes, and from a
// real fetch of a local server. MODULE names the module: compiled by tsc,
// or the TypeScript itself under node's type stripping.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const errors = await import(process.env.MODULE ?? "./out/errors.js");

const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

// Each case as a server sends it, at /<index>.
const server = createServer((request, response) => {
  const c = cases[Number(request.url.slice(1))];
  const headers = {};
  if (c.contentType !== null) headers["content-type"] = c.contentType;
  if (c.retryAfter !== null) headers["retry-after"] = c.retryAfter;
  response.writeHead(c.status, headers);
  response.end(Buffer.from(c.bytes));
});
await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
const origin = `http://127.0.0.1:${server.address().port}`;
after(() => server.close());

function agrees(c, received) {
  assert.equal(received.code, c.code, "code");
  assert.equal(received.known !== null, c.known, "known");
  assert.equal(received.action, c.action, "action");
  assert.equal(received.message, c.message, "message");
  assert.equal(received.unread !== null, c.unread, `unread: ${received.unread}`);
  if (c.advice.kind !== "retry-after") {
    assert.deepEqual(errors.advise(received, { now: c.now }), c.advice, "advice");
    return;
  }
  // Jitter on, as in production: the same wait for the same random part…
  for (const { random, delayMs } of c.advice.waits) {
    const advice = errors.advise(received, { now: c.now, random });
    assert.deepEqual(advice, { kind: "retry-after", delayMs }, `advice at ${random}`);
  }
  // …and with the module's own random part, never before the server
  // asked nor past the ceiling.
  for (let i = 0; i < 50; i++) {
    const advice = errors.advise(received, { now: c.now });
    assert.equal(advice.kind, "retry-after");
    if (c.advice.askedMs < errors.DEFAULT_POLICY.maxDelayMs) {
      assert.ok(advice.delayMs >= c.advice.askedMs, `${advice.delayMs} before ${c.advice.askedMs}`);
    }
    assert.ok(advice.delayMs <= errors.DEFAULT_POLICY.maxDelayMs, `${advice.delayMs}`);
  }
}

for (const [index, c] of cases.entries()) {
  test(`${c.catalog}: ${c.name}`, async () => {
    const catalog = errors[c.catalog];
    const headers = { "content-type": c.contentType, "retry-after": c.retryAfter };
    if (c.body !== null) agrees(c, catalog.read(c.status, headers, c.body));
    agrees(c, catalog.read(c.status, headers, Uint8Array.from(c.bytes)));
    agrees(c, await catalog.readResponse(await fetch(`${origin}/${index}`)));
  });
}

test("a header named as a property is a mistake, not a missing header", () => {
  assert.throws(() => errors.PassError.read(429, { retryAfter: "30" }, "{}"), /"retry-after", not "retryAfter"/);
});

test("every case was read", () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
});

// Typed fields: every example of the ACP reference reads back into the
// fields it carries, and the message template renders as the Rust server
// renders it.
const examples = JSON.parse(readFileSync(new URL("./acp.json", import.meta.url), "utf8"));
// The examples whose message says more than the template can from the
// fields: a server gives them as the occurrence's message.
const OWN_MESSAGE = [
  "INSUFFICIENT_PERMISSIONS",
  "MISSING_REQUIRED_FIELD",
  "INVALID_FIELD_VALUE",
  "INVALID_PRICING_MODEL",
  "RATE_LIMIT_EXCEEDED",
  "DATA_QUALITY_ISSUE",
  "USAGE_REPORT_REJECTED",
];

for (const body of examples) {
  const code = body.error.code;
  test(`AcpError fields: ${code}`, () => {
    const status = errors.AcpError.data.codes[code].status;
    const received = errors.AcpError.read(status, { "content-type": "application/json" }, JSON.stringify(body));
    const read = errors.readAcpErrorFields(received, code);
    assert.ok(read.ok, JSON.stringify(read));
    assert.deepEqual(read.fields, body.error.details);
    const message = errors.AcpError.message(code, read.fields);
    assert.equal(message === body.error.message, !OWN_MESSAGE.includes(code), message);
  });
}

test("fields from Google metadata are parsed by their type", () => {
  const body = {
    error: {
      code: 3,
      message: "max_results must be in the range 1-50",
      status: "INVALID_ARGUMENT",
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.ErrorInfo",
          reason: "INVALID_FIELD_VALUE",
          domain: "acp.errcodes.example",
          metadata: { field: "max_results", providedValue: "100", validRange: "1-50" },
        },
      ],
    },
  };
  // ACP's own format is not Google's: read the body as a gRPC gateway sends it.
  const received = errors.AcpError.read(400, { "content-type": "application/json" }, JSON.stringify(body));
  assert.equal(received.code, null);
  const catalog = new errors.Catalog({ ...errors.AcpError.data, wireFormat: "google" });
  const fromGoogle = catalog.read(400, { "content-type": "application/json" }, JSON.stringify(body));
  assert.equal(fromGoogle.known, "INVALID_FIELD_VALUE");
  assert.deepEqual(catalog.readFields(fromGoogle), {
    ok: true,
    fields: { field: "max_results", provided_value: 100, valid_range: "1-50" },
  });
});

test("a field of the wrong type, or missing, is named", () => {
  const read = (details) =>
    errors.AcpError.readFields(
      errors.AcpError.read(
        400,
        { "content-type": "application/json" },
        JSON.stringify({ success: false, error: { code: "INVALID_FIELD_VALUE", message: "m", details } }),
      ),
    );
  assert.deepEqual(read({ field: 5, provided_value: 1 }), {
    ok: false,
    field: "field",
    problem: "should be a string, found a number",
  });
  assert.deepEqual(read({ provided_value: 1 }), { ok: false, field: "field", problem: "is missing" });
  assert.deepEqual(read({ field: "f", provided_value: null }), { ok: true, fields: { field: "f", provided_value: null } });
  // A template that names a field the occurrence leaves out gives the title.
  assert.equal(errors.AcpError.message("INVALID_FIELD_VALUE", {}), "Invalid field value");
});
