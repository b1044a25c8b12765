import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { requiredPackages, runtimePackages } from './package-closure';

test('requiredPackages keeps npm package names and drops built-ins, relative paths and subpaths', () => {
  const source = `
    const a = require("ldapjs"); const b = require('@peculiar/x509/lib/thing');
    const c = require("node:fs"); const d = require("path"); const e = require("./local");
    const f = require("fast-xml-parser/src/fxp");`;
  assert.deepEqual(requiredPackages(source).sort(), ['@peculiar/x509', 'fast-xml-parser', 'ldapjs']);
});

test('runtimePackages follows installed dependencies and leaves out dev tooling', () => {
  const project = join(__dirname, '..', '..', '..');
  const packages = runtimePackages(project, ['const x = require("fast-xml-parser");']);
  assert.ok(packages.includes('node_modules/fast-xml-parser'));
  assert.ok(packages.includes('node_modules/strnum'), 'a dependency of fast-xml-parser');
  assert.ok(!packages.some((p) => /typescript|ts-node|@cucumber|testcontainers/.test(p)));
});

test('a required package that is not installed is named', () => {
  const project = join(__dirname, '..', '..', '..');
  assert.throws(
    () => runtimePackages(project, ['require("no-such-package-xyz")']),
    /"no-such-package-xyz" is required but not installed/,
  );
});
