// End-to-end check of the web interface against a running Buyalign server.
//
//   BUYALIGN_URL=http://127.0.0.1:8080 node e2e/e2e.mjs
//
// Drives the system Chromium (/usr/bin/chromium, or CHROMIUM=path) with playwright-core: checks an
// unauthenticated visit gets the sign-in screen, signs in as the demo manager of the team that
// owns the logistics story (or BUYALIGN_LOGIN / BUYALIGN_PASSWORD), opens the pipeline, filters and searches it,
// opens the logistics story's deal by its name (or BUYALIGN_DEAL=name), checks its buying clock
// shows every DMU member, logs a signal with the keyboard that moves the member furthest behind
// and sees the clock and the next actions change, switches language, reads it on a tablet, opens
// My week, Content and the forecast. Every screen is checked with axe-core (serious or critical
// violations fail) and photographed into docs/img/ (or SCREENSHOTS=dir). Exits non-zero when any
// step fails.

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

// The demo's logistics story: Transport Janssens compares route-planning vendors for 23 lorries.
const DEAL_NAME = process.env.BUYALIGN_DEAL ?? 'Route planning for 23 lorries';
// The buying cycle's stages in order (shared/spec/buying-cycle.md), to tell who is furthest behind.
const STAGES = ['status_quo', 'problem_recognized', 'need_quantified', 'change_committed', 'requirements_defined', 'options_explored', 'vendors_evaluated', 'shortlist_selected', 'business_case_approved', 'terms_negotiated', 'purchased', 'value_realized'];

const pipelineRows = (page) => page.locator('.pipeline-table tbody tr');

/** The owner filter keeps only that owner's deals; the search keeps names or accounts matching it. */
async function filterAndSearchPipeline(page) {
  const all = await pipelineRows(page).count();
  const owners = await page.locator('#filter-owner option').evaluateAll((options) => options.filter((o) => o.value).map((o) => ({ value: o.value, text: o.textContent })));
  check(owners.length > 1, `${owners.length} owner(s) to filter by`);
  await page.locator('#filter-owner').selectOption(owners[0].value);
  await page.waitForFunction((n) => document.querySelectorAll('.pipeline-table tbody tr').length < n, all);
  const shownOwners = await page.locator('.pipeline-table tbody tr td:nth-of-type(2)').allInnerTexts();
  check(shownOwners.length > 0 && shownOwners.every((o) => o === owners[0].text), `owner filter ${owners[0].text} shows ${[...new Set(shownOwners)].join(', ')}`);
  check((await page.locator('.pipeline .count').innerText()).startsWith(`${shownOwners.length} `), 'the count does not follow the filter');
  await page.locator('#filter-owner').selectOption('');

  await page.locator('#filter-text').fill('LORRIES');
  await page.waitForFunction((n) => document.querySelectorAll('.pipeline-table tbody tr').length < n, all);
  const found = await pipelineRows(page).evaluateAll((rows) => rows.map((r) => r.innerText.toLowerCase()));
  check(found.length > 0 && found.every((text) => text.includes('lorries')), `searching "lorries" shows ${found.length} rows, not all matching`);
  await page.locator('#filter-text').fill('no deal is called this');
  await page.getByText('No open opportunity matches these filters.').waitFor();
  await page.locator('#filter-text').fill('');
  await page.waitForFunction((n) => document.querySelectorAll('.pipeline-table tbody tr').length === n, all);
}

/** Finds a deal in the pipeline by searching its name, and opens it from its link. */
async function openDealByName(page, name) {
  await page.locator('#filter-text').fill(name);
  await page.locator('.pipeline-table').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('.clock-svg').waitFor();
  await page.locator('.member-list, .opportunity .status').first().waitFor();
}

/** Every DMU member of the table is on the clock, once, described in words; focus describes it. */
async function checkClockMembers(page) {
  const unavailable = await page.locator('.clock-panel .status-unavailable').count();
  check(unavailable === 0, 'DMU readiness is not available on this server, so no member can be placed');
  const names = await page.locator('.member-list tbody tr strong').allInnerTexts();
  check(names.length > 0, 'the opportunity has no DMU members');
  const labels = await page.locator('.clock-svg .member').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  check(labels.length === names.length, `${labels.length} members on the clock, ${names.length} in the DMU`);
  for (const name of names) {
    const mine = labels.filter((l) => l.startsWith(`${name},`));
    check(mine.length === 1, `${name} is on the clock ${mine.length} times`);
    check(/most likely at .+ confident/.test(mine[0]), `${name}'s place on the clock is not described: ${mine[0]}`);
  }
  await page.locator('.clock-svg .member').first().focus();
  check((await page.locator('.clock-detail').innerText()).length > 0, 'focusing a member describes nothing');
  return names.length;
}

/** The member furthest behind on the buying cycle: the one a real signal is most likely to move. */
async function memberFurthestBehind(page) {
  const members = await page.locator('.clock-svg .member').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-contact-id'), stage: e.getAttribute('data-stage') })));
  members.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  return members[0];
}

/**
 * Logs, with the keyboard only, a signal that points past the member furthest behind, and waits
 * until that member moves to another stage on the clock and the next best actions change.
 */
async function logSignalThatMovesMember(page) {
  const member = await memberFurthestBehind(page);
  const dot = page.locator(`.clock-svg .member[data-contact-id="${member.id}"]`);
  const actionsBefore = await page.locator('#actions-heading + *').innerText();
  const kind = STAGES.indexOf(member.stage) < STAGES.indexOf('business_case_approved') ? 'Requests a business case' : 'Reports pain';
  await page.locator('#log-contact').focus();
  await page.locator('#log-contact').selectOption(member.id);
  await page.keyboard.press('Tab');
  check(await page.locator('#log-kind').evaluate((el) => el === document.activeElement), 'Tab from the contact does not reach the kind');
  await page.keyboard.type(kind);
  await page.keyboard.press('Enter');
  check(await page.locator('#log-note').evaluate((el) => el === document.activeElement), 'Enter on a kind does not move to the note');
  await page.keyboard.type('logged by the end-to-end test');
  await page.keyboard.press('Enter');
  await page.locator('.quick-log .form-message:not(.error)').filter({ hasText: 'Saved' }).waitFor();
  await page.locator('.timeline li').first().filter({ hasText: 'logged by the end-to-end test' }).waitFor();
  await page.waitForFunction(
    ({ id, stage }) => document.querySelector(`.clock-svg .member[data-contact-id="${id}"]`)?.getAttribute('data-stage') !== stage,
    member,
  );
  const moved = await dot.getAttribute('data-stage');
  check(STAGES.indexOf(moved) > STAGES.indexOf(member.stage), `the member moved from ${member.stage} back to ${moved}`);
  await page.waitForFunction((before) => document.querySelector('#actions-heading + *')?.innerText !== before, actionsBefore);
  check(await page.locator('#log-kind').evaluate((el) => el === document.activeElement), 'after saving, focus is not back on the kind for the next entry');
  return { from: member.stage, to: moved };
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
// The manager of the team that owns the logistics story: they see several reps' deals (so the
// owner filter has something to filter) and may log on their team's deals.
const login = process.env.BUYALIGN_LOGIN ?? 'marc.claes@buyalign.example';
const password = process.env.BUYALIGN_PASSWORD ?? 'demo-manager-2026';

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
    await pipelineRows(page).first().waitFor();
    const rows = await pipelineRows(page).count();
    check(rows > 0, 'no opportunity rows');
    await accessible(page, 'pipeline');
    await shoot(page, 'pipeline.png');
  });

  await step('pipeline filters by owner and searches by name', () => filterAndSearchPipeline(page));

  await step('pipeline sorts and shows the board by buying phase', async () => {
    await page.locator('.pipeline-table thead').getByRole('button', { name: 'Amount', exact: true }).click();
    check((await page.locator('th[aria-sort]').innerText()).includes('Amount'), 'amount column not sorted');
    await page.getByRole('button', { name: 'Board by buying phase' }).click();
    await page.locator('.board-column').first().waitFor();
    await accessible(page, 'pipeline board');
    await shoot(page, 'pipeline-board.png');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
  });

  await step(`"${DEAL_NAME}" shows every DMU member on the buying clock`, async () => {
    await openDealByName(page, DEAL_NAME);
    opportunityUrl = page.url();
    const members = await checkClockMembers(page);
    console.log(`     ${members} members on the clock`);
    await accessible(page, 'opportunity');
    await shoot(page, 'opportunity.png');
  });

  await step('a signal logged with the keyboard moves a member; the clock and the next actions change', async () => {
    const { from, to } = await logSignalThatMovesMember(page);
    console.log(`     the member moved from ${from} to ${to}`);
    check(page.url() === opportunityUrl, 'the page navigated away while logging');
    await page.waitForTimeout(700); // let the dot finish moving before the photo
    await accessible(page, 'opportunity after logging');
    await shoot(page, 'opportunity-logged.png');
  });

  await step('switching language translates the interface', async () => {
    await page.locator('#language').selectOption('nl');
    await page.getByRole('navigation').getByRole('link', { name: 'Pijplijn', exact: true }).waitFor();
    check((await page.locator('html').getAttribute('lang')) === 'nl', 'html lang is not nl');
    check((await page.locator('#clock-heading').innerText()) === 'Koopklok', 'clock heading not translated');
    check((await page.locator('.quick-log .form-message').innerText()).startsWith('Opgeslagen'), 'the quick log\'s message stayed in English');
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
    await accessible(page, 'opportunity (tablet)');
    await shoot(page, 'opportunity-tablet.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('back to the pipeline keeps its search, also after a reload', async () => {
    await page.getByRole('link', { name: 'Back to the pipeline' }).click();
    await pipelineRows(page).first().waitFor();
    check((await page.locator('#filter-text').inputValue()) === DEAL_NAME, 'the search was forgotten');
    check(page.url().includes('q='), `the search is not in the address: ${page.url()}`);
    await page.reload();
    await pipelineRows(page).first().waitFor();
    check((await page.locator('#filter-text').inputValue()) === DEAL_NAME, 'a reload forgets the search');
    check((await page.title()) === 'Pipeline · Buyalign', `the window is titled ${await page.title()}`);
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
