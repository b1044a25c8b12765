import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Given, Then, When } from '@cucumber/cucumber';
import type { OutlookSimulator } from '../../src/clients/exchange/outlook';
import { changeInOabAfterUpdate, type OabUpdate, oabUpdateAt, patchedOab } from '../../src/model/oab-update';
import { weekTime, weekTimeText } from '../../src/model/week-time';
import { patchWithLibmspack } from '../../tools/oab-decode/build';
import { clientContext } from '../exchange/client-context';
import type { HarnessWorld } from '../support/world';
import { oabContext, WEEK_TIME } from './oab-context';

const at = (pattern: string) => new RegExp(`^${pattern.replaceAll('<T>', WEEK_TIME)}$`);

/** The Full Details file Outlook answers look-ups from, as it is on disk now. */
function oabOnDisk(outlook: OutlookSimulator): string {
  const file = outlook.oabFiles().find((f) => f.path.toLowerCase().endsWith('udetails.oab'));
  if (!file) throw new Error('[steps:oab] Outlook has no OAB on disk yet');
  return join(outlook.folder, file.path);
}

Given(
  at('Outlook is closed from <T> until <T>'),
  async function (this: HarnessWorld, from: string, until: string) {
    const s = clientContext(this);
    await s.ctx.advanceTo(weekTime(from));
    s.outlook!.closeUntil(weekTime(until));
  },
);

When(
  at("the Offline Address Book on Outlook's disk is damaged at <T>"),
  async function (this: HarnessWorld, t: string) {
    const s = clientContext(this);
    await s.ctx.advanceTo(weekTime(t));
    const path = oabOnDisk(s.outlook!);
    const bytes = readFileSync(path);
    // One letter of a record in the middle changes case: the file still reads, but it is not Exchange's.
    let i = bytes.length >> 1;
    while (!(bytes[i] >= 0x61 && bytes[i] <= 0x7a)) i++;
    bytes[i] ^= 0x20;
    writeFileSync(path, bytes);
    oabContext(this).onDisk = 'damaged';
  },
);

/** Runs the clock to Outlook's check at `t`, keeping the OAB it had before; returns what each witness saw. */
async function updateAt(w: HarnessWorld, t: string) {
  const s = clientContext(w);
  const o = oabContext(w);
  const when = weekTime(t);
  await s.ctx.advanceTo(when - 60_000);
  const base = join(mkdtempSync(join(tmpdir(), 'oab-before-')), 'udetails.oab');
  writeFileSync(base, readFileSync(oabOnDisk(s.outlook!)));
  await s.ctx.advanceTo(when);
  const check = s.outlook!.checks.find((c) => c.at === when);
  const downloads = (
    await s.ctx.exchange.admin.journal({ operation: 'oab.download', correlationId: w.scenario.id })
  ).filter((e) => Date.parse(e.at) === when && e.outcome.status === 200);
  const prediction = oabUpdateAt(o.profile, o.lastUpdate ?? o.lastDownload!, when, o.onDisk);
  Object.assign(o, { previousOab: base, lastCheck: check, lastPrediction: prediction, lastUpdate: when });
  if (check?.kind === 'full') o.onDisk = 'intact';
  const byOutlook: OabUpdate =
    check?.outcome !== 'downloaded'
      ? { download: 'nothing', files: 0 }
      : check.kind === 'diff'
        ? { download: 'differential', files: check.files!.length }
        : { download: 'full', files: 1 };
  const fulls = downloads.filter((d) => d.outcome.kind === 'full').length;
  const diffs = downloads.filter((d) => d.outcome.kind === 'diff').length;
  const byExchange: OabUpdate =
    fulls > 0
      ? { download: 'full', files: fulls }
      : { download: diffs > 0 ? 'differential' : 'nothing', files: diffs };
  return { prediction, byOutlook, byExchange, check, downloads };
}

Then(
  at('at <T> Outlook updates its Offline Address Book with (\\d+) differential files?'),
  async function (this: HarnessWorld, t: string, count: string) {
    const seen = await updateAt(this, t);
    await this.verify({
      rule: 'OAB-07',
      claim: `at ${t} Outlook applies ${count} differential file(s) to the OAB it has, in sequence order`,
      expected: { download: 'differential', files: Number(count) },
      model: seen.prediction,
      observations: [
        { witness: 'client:outlook', value: seen.byOutlook, detail: seen.check },
        { witness: 'exchange', value: seen.byExchange, detail: seen.downloads },
      ],
    });
  },
);

Then(
  at('at <T> Outlook downloads the Full Offline Address Book'),
  async function (this: HarnessWorld, t: string) {
    const seen = await updateAt(this, t);
    await this.verify({
      rule: 'OAB-07',
      claim: `at ${t} Outlook cannot patch the OAB it has and downloads the Full file`,
      expected: { download: 'full', files: 1 },
      model: seen.prediction,
      observations: [
        { witness: 'client:outlook', value: seen.byOutlook, detail: seen.check },
        { witness: 'exchange', value: seen.byExchange, detail: seen.downloads },
      ],
    });
  },
);

Then(
  /^libmspack applies the differential files? to Outlook's previous Offline Address Book and gets the one Outlook has$/,
  async function (this: HarnessWorld) {
    const s = clientContext(this);
    const o = oabContext(this);
    const check = o.lastCheck;
    const files = check?.kind === 'diff' ? check.files! : [];
    const outlook = s.outlook!;
    const oabUrl = outlook.discovery?.ok ? outlook.discovery.oabUrl : undefined;
    const { login, password } = outlook.options.credentials;
    let result = 'no differential files applied';
    const steps: string[] = [];
    try {
      let base = o.previousOab!;
      const dir = mkdtempSync(join(tmpdir(), 'oab-libmspack-'));
      for (const [i, file] of files.entries()) {
        // A third-party client: curl fetches the served file, libmspack's decompress_incremental applies it.
        const patch = join(dir, file);
        await promisify(execFile)('curl', [
          '-sS',
          '--fail',
          '-u',
          `${login}:${password}`,
          '-o',
          patch,
          `${oabUrl}${file}`,
        ]);
        const out = join(dir, `patched-${i}.oab`);
        patchWithLibmspack(patch, base, out);
        steps.push(`${file} applied`);
        base = out;
      }
      if (files.length > 0)
        result = readFileSync(base).equals(readFileSync(oabOnDisk(outlook)))
          ? 'the OAB Outlook installed'
          : 'a different OAB from the one Outlook installed';
    } catch (error) {
      result = `libmspack refused: ${(error as Error).message}`;
    }
    await this.verify({
      rule: 'OAB-07',
      claim:
        "libmspack's decompress_incremental applies the served differential files to the OAB Outlook had",
      expected: 'the OAB Outlook installed',
      model: patchedOab(o.lastPrediction!),
      observations: [{ witness: 'client:libmspack', value: result, detail: { files, steps } }],
    });
  },
);

Then(/^Lync finds "([^"]*)"$/, async function (this: HarnessWorld, name: string) {
  const s = clientContext(this);
  const o = oabContext(this);
  const outcome = await s.search(name.split(' ')[0]);
  await this.verify({
    rule: ['OAB-01', 'OAB-07'],
    claim: `${name} is searchable after Outlook's update at ${weekTimeText(o.lastUpdate!)}`,
    expected: true,
    model: changeInOabAfterUpdate(o.profile, o.changedAt!, o.lastUpdate!),
    observations: [{ witness: 'client:lync-windows', value: outcome.names.includes(name), detail: outcome }],
  });
});
