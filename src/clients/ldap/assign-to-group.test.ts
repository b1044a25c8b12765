import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASSIGN_TO_GROUP_PS1, parseScript, withImportQuotes } from './assign-to-group';

const quotesOf = (script: string) => parseScript(script)?.importQuotes;
const withImportLine = (line: string) => ASSIGN_TO_GROUP_PS1.replace(/^import-module .*$/m, line);

test("the policy task reads the import-module path's quotes, switches around it aside", () => {
  assert.equal(quotesOf(ASSIGN_TO_GROUP_PS1), "''");
  assert.equal(quotesOf(withImportLine("import-module 'C:\\Lync.psd1' -Force")), "''");
  assert.equal(quotesOf(withImportLine("Import-Module -Force -Name 'C:\\Lync.psd1'")), "''");
  assert.equal(quotesOf(withImportLine('import-module "C:\\Lync.psd1" -Force')), '""');
  assert.equal(quotesOf(withImportQuotes(ASSIGN_TO_GROUP_PS1, '\u2018', '\u2019')), '\u2018\u2019');
});
