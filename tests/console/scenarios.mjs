// Browser tests of the web console: playwright-core driving Debian's chromium (headless, no sandbox, no background
// networking) against a real host that tests/Logistics.Host.Tests/WebConsole/ConsoleBrowserTests.cs started and seeded
// through the API. One scenario per run: `node scenarios.mjs NAME`; exit 0 when it held, 1 with the reason on stderr.
// Every page a scenario visits is saved as a screenshot in $SCREENSHOTS (docs/console/ when the docs' pictures are remade).
//
// Environment: CONSOLE_URL (the host's /console/), SEED (path of the seed JSON the C# test wrote), SCREENSHOTS, and
// FAILURE_SCREENSHOTS (where a failed scenario's last page goes; kept out of docs/).

import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.CONSOLE_URL;
const seed = JSON.parse(readFileSync(process.env.SEED, 'utf8'));
const shots = process.env.SCREENSHOTS;
const failures = process.env.FAILURE_SCREENSHOTS ?? shots;
for (const dir of [shots, failures]) if (dir) mkdirSync(dir, { recursive: true });

function check(condition, message) { if (!condition) throw new Error(message); }

async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-default-apps', '--disable-sync',
      '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The console may only talk to its own host: any other request fails the scenario (no CDN, no tile server).
  const foreign = [];
  await context.route('**/*', route => {
    const target = new URL(route.request().url());
    if (target.origin === new URL(url).origin || target.protocol === 'data:' || target.protocol === 'blob:') return route.continue();
    foreign.push(target.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  return { browser, page, foreign, errors };
}

async function shot(page, name, dir = shots) {
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function signIn(page, key) {
  await page.goto(url);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('tenant').waitFor();
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('API key').waitFor();
}

async function openShipment(page, reference) {
  await page.getByRole('link', { name: 'Shipments' }).click();
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('heading', { name: `Shipment ${reference}` }).waitFor();
}

async function sign(page, meaning, password, comment = '') {
  await page.getByLabel('Meaning').selectOption(meaning);
  await page.getByLabel('Comment').fill(comment);
  await page.getByLabel('Signing password').fill(password);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  const result = page.getByTestId('sign-result');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="sign-result"]');
    return el && !el.hidden && el.textContent !== 'Signing…';
  });
  return (await result.textContent()).trim();
}

const scenarios = {
  /** Sign in with a key (a wrong one refused in plain words), the tenant shown, the list with its columns, the filter by reference. */
  async signin({ page }) {
    await page.goto(url);
    await page.getByLabel('API key').waitFor();
    await shot(page, 'signin');
    await page.getByLabel('API key').fill('lk_not_a_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refusal = (await page.getByRole('alert').textContent()).trim();
    check(refusal.startsWith('Not signed'), `a wrong key should be refused in plain words, got: ${refusal}`);

    await signIn(page, seed.keys.viewer);
    const tenant = await page.getByTestId('tenant').textContent();
    check(tenant.includes(seed.tenantName) && tenant.includes(seed.tenantId), `the tenant should be shown, got: ${tenant}`);
    check(await page.evaluate(() => sessionStorage.getItem('logistics.apiKey')) === seed.keys.viewer, 'the key should be kept in sessionStorage');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: seed.main.reference, exact: true }) });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    check(cells[0] === seed.main.status, `status column: ${cells[0]} (API: ${seed.main.status})`);
    check(cells[1].includes(seed.main.latestMilestone), `latest milestone column: ${cells[1]} (API: ${seed.main.latestMilestone})`);
    check(cells[3] === seed.main.excursionState, `excursion column: ${cells[3]} (API: ${seed.main.excursionState})`);
    check(cells[4] === seed.main.verdict, `verdict column: ${cells[4]} (API: ${seed.main.verdict})`);
    check(await page.getByRole('columnheader', { name: 'ETA' }).count() === 1, 'an ETA column');
    await shot(page, 'shipments');

    await page.getByLabel('Reference').fill(`container:${seed.second.container}`);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 shipment.').waitFor();
    check(await page.getByRole('link', { name: seed.second.reference, exact: true }).count() === 1, 'the filtered shipment is listed');
    check(await page.getByRole('link', { name: seed.main.reference, exact: true }).count() === 0, 'the other shipment is filtered out');
  },

  /** The shipment page: the chart with limit lines, the shaded excursion where the report has it, the gap as a break, the legs. */
  async chart({ page }) {
    await signIn(page, seed.keys.viewer);
    await openShipment(page, seed.main.reference);
    const excursions = page.getByTestId('excursion');
    await excursions.first().waitFor();
    check(await excursions.count() === seed.main.excursions.length, `shaded excursions: ${await excursions.count()}, report: ${seed.main.excursions.length}`);
    const title = await excursions.first().locator('title').textContent();
    const e = seed.main.excursions[0];
    check(title.includes(e.zoneId) && title.includes(e.start.slice(5, 16).replace('T', ' ')), `the excursion's title names its zone and start: ${title}`);
    check(await page.getByTestId('limit').count() === seed.main.limits, `limit lines: ${await page.getByTestId('limit').count()}, profile zones: ${seed.main.limits}`);
    check(await page.getByTestId('gap').count() === seed.main.gaps, `gaps: ${await page.getByTestId('gap').count()}, report: ${seed.main.gaps}`);
    const d = await page.getByTestId('series').first().getAttribute('d');
    check((d.match(/M/g) ?? []).length === seed.main.gaps + 1, `the line should break once per gap: ${(d.match(/M/g) ?? []).length - 1} breaks`);
    check(await page.getByTestId('leg-boundary').count() === seed.main.legs, `leg boundaries: ${await page.getByTestId('leg-boundary').count()}`);
    const summary = await page.getByTestId('chart-summary').textContent();
    check(summary.includes(`verdict ${seed.main.verdict}`), `chart summary: ${summary}`);
    const timeline = await page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) }).textContent();
    for (const code of seed.main.timelineCodes) check(timeline.includes(code), `the timeline should show ${code}`);
    check(await page.getByRole('button', { name: 'PDF' }).count() >= 1, 'a PDF download per version');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).first().click()]);
    check(download.suggestedFilename().endsWith('.csv'), `the CSV download: ${download.suggestedFilename()}`);
    await shot(page, 'shipment');
  },

  /** The map: the offline basemap, the shipment's track and current position, and a fix posted now arriving over SSE. */
  async map({ page }) {
    await signIn(page, seed.keys.viewer);
    await page.goto(`${url}#/map?shipment=${seed.main.id}`);
    await page.getByTestId('live-state').filter({ hasText: 'live' }).waitFor();
    check(await page.locator('.leaflet-overlay-pane path').count() > 100, 'the country outlines are drawn');
    await page.locator(`li[data-asset="${seed.main.asset}"]`).waitFor();
    const before = await page.locator(`li[data-asset="${seed.main.asset}"]`).textContent();
    const response = await fetch(new URL(seed.live.path, url), { method: 'POST', headers: { Authorization: `Bearer ${seed.keys.integrator}` }, body: readFileSync(seed.live.body) });
    check(response.status === 202, `posting the live fix: ${response.status}`);
    await page.locator(`li[data-asset="${seed.main.asset}"]`).filter({ hasText: seed.live.lat.toFixed(4) }).waitFor({ timeout: 30_000 });
    const after = await page.locator(`li[data-asset="${seed.main.asset}"]`).textContent();
    check(before !== after, 'the position moved live');
    await shot(page, 'map');
  },

  /** A reviewer signs reviewed; a second person approves: without a comment the API's 422 is shown in words, with one it is signed. */
  async approve({ page }) {
    await signIn(page, seed.keys.qa);
    await openShipment(page, seed.main.reference);
    let said = await sign(page, 'reviewed', seed.password);
    check(said.startsWith('Signed:') && said.includes(`reviewed by ${seed.users.qa}`), `review: ${said}`);
    await signOut(page);

    await signIn(page, seed.keys.admin);
    await openShipment(page, seed.main.reference);
    said = await sign(page, 'approved', seed.password);
    check(said.startsWith('Refused: more is needed') && said.includes('comment'), `approving an alarm verdict without a comment: ${said}`);
    said = await sign(page, 'approved', seed.password, 'Excursion assessed against stability data: product released.');
    check(said.startsWith('Signed:') && said.includes(`approved by ${seed.users.admin}`), `approval: ${said}`);
    const version = await page.locator('tr[data-version]').first().textContent();
    check(version.includes('approved') && version.includes(`reviewed by ${seed.users.qa}`) && version.includes(`approved by ${seed.users.admin}`), `the version row: ${version}`);
    // The audit trail reloads after each signature: wait for both signatures to be in it.
    const signed = page.locator('tr[data-action="report.signed"]');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-action="report.signed"]').length >= 2, null, { timeout: 70_000 }).catch(() => {});
    check(await signed.count() === 2, `the audit trail shows the two signatures: ${(await page.locator('tr[data-action]').allTextContents()).join(' | ')}`);
    await shot(page, 'signed');
  },

  /** The same person may not review and approve: the API's 409 as a plain sentence; a wrong password's 401 too. */
  async refusal({ page }) {
    await signIn(page, seed.keys.qa);
    await openShipment(page, seed.second.reference);
    let said = await sign(page, 'reviewed', 'not my signing password');
    check(said.startsWith('Not signed') && said.includes('wrong signing password'), `a wrong password: ${said}`);
    said = await sign(page, 'reviewed', seed.password);
    check(said.startsWith('Signed:'), `review: ${said}`);
    said = await sign(page, 'approved', seed.password, 'approving my own review');
    check(said.startsWith('Refused, because it conflicts') && said.includes('the approver must be someone else'), `same person approving: ${said}`);
    await page.waitForFunction(() => document.querySelectorAll('tr[data-action="signature.failed"]').length >= 1).catch(() => {});
    check(await page.locator('tr[data-action="signature.failed"]').count() === 1,
      `the failed attempt is in the audit trail: ${(await page.locator('tr[data-action]').allTextContents()).join(' | ')}`);
    await shot(page, 'refusal');
  },

  /** Quarantine: the reason, the raw body exactly as it arrived, and a replay that comes back with its count. */
  async quarantine({ page }) {
    await signIn(page, seed.keys.integrator);
    await page.getByRole('link', { name: 'Quarantine' }).click();
    const card = page.locator(`article[data-id="${seed.quarantined.id}"]`);
    await card.waitFor();
    const reason = await card.locator('.reason').textContent();
    check(reason.includes(seed.quarantined.reason), `the reason: ${reason} (API: ${seed.quarantined.reason})`);
    await card.getByRole('button', { name: 'Show raw body' }).click();
    const raw = await card.locator('pre.raw:not([hidden])').textContent();
    check(raw === seed.quarantined.body, `the raw body: ${raw}`);
    await shot(page, 'quarantine');
    await card.getByRole('button', { name: 'Replay' }).click();
    await card.getByText('Replayed:').waitFor();
    await page.locator(`article[data-id="${seed.quarantined.id}"]`).filter({ hasText: 'replayed 1 time' }).waitFor({ timeout: 30_000 });
  },

  /** Keyboard and labels and contrast: reach a shipment by Tab and Enter; every control is labelled; text contrast is at least 4.5:1. */
  async accessibility({ page }) {
    await page.goto(url);
    await page.keyboard.type(seed.keys.qa); // the key field has focus on arrival
    await page.keyboard.press('Enter');
    await page.getByTestId('tenant').waitFor();
    await page.getByRole('link', { name: seed.main.reference, exact: true }).waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(r => document.activeElement?.textContent === r, seed.main.reference);
    }
    check(reached, 'the shipment link is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Shipment ${seed.main.reference}` }).waitFor();
    await page.getByTestId('excursion').first().waitFor();
    for (const where of ['shipment', 'shipments', 'map', 'quarantine']) {
      if (where !== 'shipment') {
        await page.goto(`${url}#/${where}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(1500); // the page's reads settle (the map's stream never ends, so no network-idle wait)
      }
      const problems = await page.evaluate(() => {
        const out = [];
        for (const c of document.querySelectorAll('input, select, textarea')) {
          if (c.type === 'hidden') continue;
          const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
          if (!named) out.push(`unlabelled ${c.tagName.toLowerCase()}#${c.id}`);
        }
        const rgb = s => (s.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
          .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
        const background = el => {
          for (let e = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length >= 3 && (c.length === 3 || c[3] > 0.9)) return c;
          }
          return [255, 255, 255];
        };
        for (const el of document.querySelectorAll('main *, header *')) {
          if (el.closest('svg, .leaflet-container')) continue;
          const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
          if (!own || !el.getClientRects().length) continue;
          const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
          const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          if (ratio < 4.5) out.push(`contrast ${ratio.toFixed(2)}:1 for "${el.textContent.trim().slice(0, 30)}"`);
        }
        return out;
      });
      check(problems.length === 0, `${where}: ${problems.join('; ')}`);
    }
  },
};

const name = process.argv[2];
const scenario = scenarios[name];
if (!scenario) { console.error(`unknown scenario '${name}'; known: ${Object.keys(scenarios).join(', ')}`); process.exit(2); }
const run = await launch();
try {
  await scenario(run);
  check(run.foreign.length === 0, `requests left the host: ${run.foreign.join(', ')}`);
  check(run.errors.length === 0, `errors in the page: ${run.errors.join('; ')}`);
  console.log(`scenario ${name}: held`);
} catch (e) {
  await shot(run.page, `failed-${name}`, failures).catch(() => {});
  console.error(`scenario ${name} failed: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await run.browser.close();
}
