// Run by errcodes-cli/tests/typescript.rs under node's type stripping:
// for every code of the shipped catalogs, the module reads the response
// the Rust server sends and advises what the Rust client advises, in the
// words of the pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as errors from "./errors.ts";

interface Case {
  catalog: string;
  code: string;
  status: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
  resend: errors.Resend;
  text: string;
}

const cases: Case[] = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));
const NOW = Date.UTC(2026, 0, 1);
const KINDS = { "retry-after": "after-delay", backoff: "backoff", stop: "no" } as const;

for (const c of cases) {
  test(`${c.catalog}: ${c.code}`, () => {
    const catalog = (errors as unknown as Record<string, errors.Catalog<string>>)[c.catalog]!;
    const headers = new Headers({ "content-type": c.contentType });
    if (c.retryAfter !== null) headers.set("retry-after", c.retryAfter);
    const received = catalog.read(c.status, headers, c.body);
    assert.equal(received.known, c.code);
    assert.equal(KINDS[errors.advise(received, { now: NOW }).kind], c.resend, "advice");
    const guidance = catalog.info(c.code)!.guidance;
    assert.deepEqual(guidance, { resend: c.resend, text: c.text }, "guidance");
    // The body's own type guard takes it.
    const guard = guardOf(catalog.data.wireFormat, c.contentType, c.status);
    if (guard !== null) assert.ok(guard(JSON.parse(c.body)), `${guard.name}: ${c.body}`);
  });
}

/** The guard of the body a server sends, or null for XML. */
function guardOf(format: errors.WireFormat, contentType: string, status: number): ((value: unknown) => boolean) | null {
  if (contentType.startsWith("application/problem+json")) return errors.isProblemBody;
  switch (format) {
    case "acp":
      return errors.isAcpBody;
    case "pass":
      return errors.isPassBody;
    case "gateway":
      return errors.isGatewayBody;
    case "google":
      return errors.isGoogleBody;
    case "edge":
      return status < 400 ? errors.isEdgeBody : errors.isProblemBody;
    default:
      return contentType.includes("xml") ? null : errors.isProblemBody;
  }
}

test("each guard refuses a body whose members have other types", () => {
  const refused: [(value: unknown) => boolean, unknown][] = [
    [errors.isAcpBody, { success: false, error: { code: 1, message: "m" } }],
    [errors.isAcpBody, { success: true, error: { code: "c", message: "m" } }],
    [errors.isAcpBody, { success: false, error: { code: "c", message: "m", retry_after: -1 } }],
    [errors.isPassBody, { error: { message: "no code" } }],
    [errors.isPassBody, { resources: [{ error: { code: 5 } }] }],
    [errors.isGatewayBody, { error_code: "403010" }],
    [errors.isGoogleBody, { error: { code: "3", message: "m" } }],
    [errors.isGoogleBody, { error: { code: 3, details: [{ reason: "R" }] } }],
    [errors.isProblemBody, { type: "about:blank", status: "400" }],
    [errors.isProblemBody, { status: 99 }],
    [errors.isEdgeBody, { errors: [{ title: 7 }] }],
    [errors.isEdgeBody, [] as unknown],
    [errors.isProblemBody, null],
  ];
  for (const [guard, value] of refused) assert.equal(guard(value), false, `${guard.name}: ${JSON.stringify(value)}`);
});
