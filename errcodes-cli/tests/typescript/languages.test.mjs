// Run by errcodes-cli/tests/languages.rs with node's own test runner: the
// TypeScript module chooses the language the Rust service chooses for the
// same Accept-Language, and renders each received error's texts and
// message in a language as the Rust client's `*_in` methods do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const errors = await import(process.env.MODULE ?? "./errors.ts");
const cases = JSON.parse(readFileSync(new URL("./languages.json", import.meta.url), "utf8"));

test("each header chooses the language the Rust service chooses", () => {
  for (const { header, chosen } of cases.headers) {
    assert.equal(errors.AcpError.language(header), chosen, JSON.stringify(header));
  }
});

test("a list of languages, best first, as navigator.languages gives them", () => {
  assert.equal(errors.AcpError.language(["fr-CA", "pl-PL", "de"]), "pl");
  assert.equal(errors.AcpError.language(["DE-at"]), "de");
  assert.equal(errors.AcpError.language([]), "en");
  assert.equal(errors.EdgeError.language(["de"]), "en");
});

test("every code's title in every language", () => {
  for (const { code, locale, title } of cases.titles) {
    assert.equal(errors.AcpError.title(code, locale), title, `${code} ${locale}`);
  }
});

test("every received error's message in every language", () => {
  for (const { status, body, locale, message } of cases.messages) {
    const received = errors.AcpError.read(status, { "content-type": "application/json" }, body);
    const read = errors.AcpError.readFields(received);
    assert.ok(read.ok, JSON.stringify(read));
    assert.equal(errors.AcpError.message(received.known, read.fields, locale), message, `${body} in ${locale}`);
  }
});

test("a field the message needs, left out, gives the catalog's own message", () => {
  assert.equal(errors.AcpError.message("RATE_LIMIT_EXCEEDED", {}, "pl"), "Rate limit exceeded");
  assert.equal(errors.AcpError.message("TIMEOUT", { timeout_seconds: 3 }, "xx"), errors.AcpError.message("TIMEOUT", { timeout_seconds: 3 }));
});

test("a fraction is `other` in Polish, and a numeric key matches its number", () => {
  const code = "RATE_LIMIT_EXCEEDED";
  const data = errors.AcpError.data;
  const forms = { 0: ["zero"], one: ["one"], few: ["few"], many: ["many"], other: ["other"] };
  const translations = { pl: { title: null, message: [{ select: "n", forms, default: "other" }] } };
  const catalog = new errors.Catalog({
    ...data,
    codes: { ...data.codes, [code]: { ...data.codes[code], translations } },
  });
  const shown = (n) => catalog.message(code, { n }, "pl");
  assert.deepEqual(
    [0, 1, 2, 5, 22, 101, 1.5, "1.0", "0.0", "x"].map(shown),
    ["zero", "one", "few", "many", "few", "many", "other", "other", "zero", "other"],
  );
});
