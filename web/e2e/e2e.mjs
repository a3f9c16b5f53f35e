// End-to-end check of the web interface against a running Buyalign server.
//
//   BUYALIGN_URL=http://127.0.0.1:8080 node e2e/e2e.mjs
//
// Drives the system Chromium (/usr/bin/chromium, or CHROMIUM=path) with playwright-core: checks an
// unauthenticated visit gets the sign-in screen, signs in as the demo rep who owns the logistics
// story (or BUYALIGN_LOGIN / BUYALIGN_PASSWORD), opens the pipeline, opens an opportunity, checks its buying clock shows every DMU member, logs a signal
// with the keyboard and sees the clock change, switches language, opens My week, Content and the
// forecast. Every screen is checked with axe-core (serious or critical violations fail) and
// photographed into docs/img/ (or SCREENSHOTS=dir). Exits non-zero when any step fails.

import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const base = (process.env.BUYALIGN_URL ?? '').replace(/\/+$/, '');
if (!base) {
  console.error('Set BUYALIGN_URL to the server to test, e.g. BUYALIGN_URL=http://127.0.0.1:8080');
  process.exit(2);
}
const shots = resolve(process.env.SCREENSHOTS ?? join(here, '..', '..', 'docs', 'img'));
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const results = [];
async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : error}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs axe-core in the page; serious and critical violations fail the step. */
async function accessible(page, screen) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the server's
  // Content-Security-Policy rightly refuses inline scripts, and the app runs under it here.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((x) => !bad.includes(x))) console.log(`     note (${v.impact}) ${screen}: ${v.id} — ${v.help}`);
  check(bad.length === 0, `${screen}: ${bad.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`).join('; ')}`);
}

async function shoot(page, file) {
  await page.screenshot({ path: join(shots, file), fullPage: true });
}

const profile = mkdtempSync(join(tmpdir(), 'buyalign-e2e-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1280, height: 800 },
  locale: 'en-GB',
  timezoneId: 'Europe/Brussels',
});
const page = browser.pages()[0] ?? (await browser.newPage());
page.setDefaultTimeout(15_000);
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));

let opportunityUrl = '';
let memberCount = 0;
const login = process.env.BUYALIGN_LOGIN ?? 'ann.peeters@buyalign.example';
const password = process.env.BUYALIGN_PASSWORD ?? 'demo-rep-2026';

try {
  await step('an unauthenticated visit shows the sign-in screen', async () => {
    await page.goto(`${base}/#/pipeline`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    check((await page.getByRole('navigation').count()) === 0, 'the navigation shows before signing in');
    await page.getByLabel('Email or user id').fill(login);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await accessible(page, 'sign-in');
    await shoot(page, 'sign-in.png');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
  });

  await step('pipeline lists open opportunities', async () => {
    await page.goto(`${base}/#/pipeline`);
    await page.evaluate(() => localStorage.setItem('buyalign.language', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
    await page.locator('.pipeline-table tbody tr').first().waitFor();
    const rows = await page.locator('.pipeline-table tbody tr').count();
    check(rows > 0, 'no opportunity rows');
    await accessible(page, 'pipeline');
    await shoot(page, 'pipeline.png');
  });

  await step('pipeline sorts and shows the board by buying phase', async () => {
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    check((await page.locator('th[aria-sort]').innerText()).includes('Amount'), 'amount column not sorted');
    await page.getByRole('button', { name: 'Board by buying phase' }).click();
    await page.locator('.board-column').first().waitFor();
    await accessible(page, 'pipeline board');
    await shoot(page, 'pipeline-board.png');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
  });

  await step('opportunity shows every DMU member on the buying clock', async () => {
    const wanted = process.env.BUYALIGN_OPPORTUNITY;
    if (wanted) await page.goto(`${base}/#/opportunities/${encodeURIComponent(wanted)}`);
    else await page.locator('.pipeline-table tbody tr th a').first().click();
    await page.locator('.clock-svg').waitFor();
    await page.locator('.member-list, .opportunity p').first().waitFor();
    opportunityUrl = page.url();
    const unavailable = await page.locator('.clock-panel .status-unavailable').count();
    check(unavailable === 0, 'DMU readiness is not available on this server, so no member can be placed');
    memberCount = await page.locator('.member-list tbody tr').count();
    check(memberCount > 0, 'the opportunity has no DMU members');
    const dots = await page.locator('.clock-svg .member').count();
    check(dots === memberCount, `${dots} members on the clock, ${memberCount} in the DMU`);
    for (const label of await page.locator('.clock-svg .member').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
      check(label && label.length > 20, 'a member without an accessible description');
    }
    await page.locator('.clock-svg .member').first().focus();
    check((await page.locator('.clock-detail').innerText()).length > 0, 'focusing a member describes nothing');
    await accessible(page, 'opportunity');
    await shoot(page, 'opportunity.png');
  });

  await step('logging a signal with the keyboard changes the clock', async () => {
    const contact = await page.locator('#log-contact').inputValue();
    const member = page.locator(`.clock-svg .member[data-contact-id="${contact}"]`);
    const before = { label: await member.getAttribute('aria-label'), stage: await member.getAttribute('data-stage') };
    const entries = await page.locator('.timeline li').count();
    // A signal pointing well past the member's stage, so the inference has something to move on.
    const kind = before.stage && ['purchased', 'value_realized', 'terms_negotiated'].includes(before.stage) ? 'Reports pain' : 'Contract signed';
    await page.locator('#log-kind').click();
    await page.keyboard.type(kind);
    await page.keyboard.press('Enter');
    check(await page.locator('#log-note').evaluate((el) => el === document.activeElement), 'Enter on a kind does not move to the note');
    await page.keyboard.type('logged by the end-to-end test');
    await page.keyboard.press('Enter');
    await page.locator('.quick-log .form-message:not(.error)').filter({ hasText: 'Saved' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.timeline li').length > n, entries);
    await page.waitForFunction(
      ({ id, label, stage }) => {
        const el = document.querySelector(`.clock-svg .member[data-contact-id="${id}"]`);
        return el && (el.getAttribute('aria-label') !== label || el.getAttribute('data-stage') !== stage);
      },
      { id: contact, ...before },
    );
    check(page.url() === opportunityUrl, 'the page navigated away while logging');
    await page.waitForTimeout(700); // let the dot finish moving before the photo
    await shoot(page, 'opportunity-logged.png');
  });

  await step('switching language translates the interface', async () => {
    await page.locator('#language').selectOption('nl');
    await page.getByRole('navigation').getByRole('link', { name: 'Pijplijn', exact: true }).waitFor();
    check((await page.locator('html').getAttribute('lang')) === 'nl', 'html lang is not nl');
    check((await page.locator('#clock-heading').innerText()) === 'Koopklok', 'clock heading not translated');
    await accessible(page, 'opportunity (nl)');
    await shoot(page, 'opportunity-nl.png');
    await page.locator('#language').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Prévisions', exact: true }).waitFor();
    await page.locator('#language').selectOption('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Forecast', exact: true }).waitFor();
  });

  await step('the opportunity reads on a tablet', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.locator('.clock-svg').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the page scrolls sideways by ${overflow}px on a tablet`);
    await shoot(page, 'opportunity-tablet.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  for (const [name, link, heading, file] of [
    ['My week', 'My week', 'My week', 'my-week.png'],
    ['Content', 'Content', 'Content', 'content.png'],
    ['Forecast', 'Forecast', 'Forecast', 'forecast.png'],
  ]) {
    await step(`${name} opens and is accessible`, async () => {
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForFunction(() => !document.querySelector('main [role="status"].status'), undefined, { timeout: 15_000 });
      await accessible(page, name);
      await shoot(page, file);
    });
  }

  await step('signing out returns to the sign-in screen', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  await step('no script errors in the page', async () => {
    check(pageErrors.length === 0, pageErrors.join('; '));
  });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`screenshots in ${shots}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
