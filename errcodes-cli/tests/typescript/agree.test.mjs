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
  });
}

test("every case was read", () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
});
