// Run by errcodes-cli/tests/typescript.rs with node's own test runner: the
// TypeScript module reads every case the Rust client read and reaches the
// same code, action and advice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as errors from "./out/errors.js";

const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

for (const c of cases) {
  test(`${c.catalog}: ${c.name}`, () => {
    const catalog = errors[c.catalog];
    const received = catalog.read(c.status, { contentType: c.contentType, retryAfter: c.retryAfter }, c.body);
    assert.equal(received.code, c.code, "code");
    assert.equal(received.known !== null, c.known, "known");
    assert.equal(received.action, c.action, "action");
    assert.equal(received.message, c.message, "message");
    const advice = errors.advise(received, { now: c.now, random: 0 });
    assert.deepEqual(advice, c.advice, "advice");
  });
}

test("every case was read", () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
});
