import { test } from "node:test";
import assert from "node:assert/strict";
// Tests run against the build output, which is why tester builds FROM builder.
import { describeUptime } from "../dist/uptime.js";

test("formats seconds", () => {
  assert.equal(describeUptime(5), "5s");
});

test("formats hours", () => {
  assert.equal(describeUptime(7200), "2h");
});
