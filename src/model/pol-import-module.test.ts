import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importModuleQuotes } from './pol-import-module';

const quotes = (line: string) => importModuleQuotes(`${line}\nGrant-CsConferencingPolicy`).value;
const path = 'C:\\Program Files\\Common Files\\Microsoft Lync Server 2013\\Modules\\Lync\\Lync.psd1';

test('POL-03: the module path is the first positional argument, wherever the switches are', () => {
  assert.equal(quotes(`import-module '${path}' -Force`), 'single', '-Force after the path');
  assert.equal(quotes(`Import-Module -Force -Global '${path}'`), 'single', 'switches before it');
  assert.equal(quotes(`Import-Module -Name '${path}'`), 'single', 'named -Name');
  assert.equal(quotes(`Import-Module -Name:'${path}'`), 'single', '-Name: with its value joined');
  assert.equal(quotes(`Import-Module -Prefix Cs '${path}'`), 'single', 'a parameter with a value');
  assert.equal(quotes(`Import-Module -Prefix 'Cs' "${path}"`), 'double', "the prefix's quotes do not count");
  assert.equal(quotes(`import-module '${path}' # the Lync module`), 'single', 'a comment after it');
  assert.equal(quotes(`import-module '${path}'; Get-CsUser`), 'single', 'a second statement after it');
  assert.equal(quotes(`import-module 'C:\\it''s\\Lync.psd1'`), 'single', "an escaped '' inside");
});

test('POL-03: quotes that stop the task, wherever the path is', () => {
  assert.equal(quotes(`import-module "${path}" -Force`), 'double');
  assert.equal(quotes(`import-module -Name \u201c${path}\u201d`), 'double', 'typographic double quotes');
  assert.equal(quotes(`import-module \u2018${path}\u2019 -Force`), 'typographic');
  assert.equal(quotes(`import-module -Force \u2019${path}\u2019`), 'typographic', 'a closing quote first');
  assert.equal(quotes('import-module C:\\Lync.psd1 -Force'), 'none');
  assert.equal(quotes(`import-module 'C:\\Lync.psd1`), 'none', 'an unterminated string is no quoting');
  assert.equal(quotes('import-module -Force'), 'none', 'no path at all');
  assert.equal(quotes('import-module -Name'), 'none', '-Name without its value');
  assert.equal(
    quotes(`Import-Module -Forceful '${path}'`),
    'none',
    'an unknown parameter takes the path as its value',
  );
  assert.equal(quotes(`import-module #'${path}'`), 'none', 'a comment where the path should be');
  assert.equal(quotes(`import-module # '${path}'`), 'none');
  assert.equal(importModuleQuotes('Grant-CsConferencingPolicy').value, 'none', 'no import-module line');
  assert.deepEqual(importModuleQuotes(`import-module "${path}"`).rules, ['POL-03']);
});

test('POL-03: only the first import-module line counts, and only a line that starts with it', () => {
  assert.equal(quotes(`import-module '${path}'\nimport-module "C:\\other.psd1"`), 'single');
  assert.equal(quotes(`  Import-Module '${path}'`), 'single', 'indented');
  assert.equal(quotes(`Write-Host "import-module"\nimport-module '${path}'`), 'single');
  assert.equal(quotes(`import-modules "${path}"\nimport-module '${path}'`), 'single', 'another word');
});
