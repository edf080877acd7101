import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { totpCode } from '../apps/gateway/src/auth/totp';
import en from '../apps/web/src/i18n/locales/en.json';
import ky from '../apps/web/src/i18n/locales/ky.json';
import ru from '../apps/web/src/i18n/locales/ru.json';
import { browserMissing, launchChromium, openApp, PHONE, screenshot, seriousViolations } from './support/browser';
import { KorgooStack } from './support/korgoo-stack';
import { toktogulCentre } from './support/last-place-centre';

type Tree = { [key: string]: string | Tree };
type Localized = { ky: string; ru: string; en: string };
type Question = { path: string; requirement: string; options: Array<{ value: string | boolean }>; text: Localized; help: Localized };
type FormBody = { sections: Array<{ title: Localized; help: Localized }>; questions: Question[] };

const flatten = (tree: Tree): string[] => Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : flatten(value)));

/** English words a Kyrgyz or Russian screen must not show: the app's own strings and the form's, where they differ. */
function englishOnly(form: FormBody): string[] {
  const others = new Set([...flatten(ky), ...flatten(ru)]);
  const texts = [...form.sections.flatMap((s) => [s.title, s.help]), ...form.questions.flatMap((q) => [q.text, q.help])];
  return [...flatten(en).map((value) => value.replace(/\{\{\w+\}\}/g, '').trim()), ...texts.map((text) => text.en)]
    // The product's name is a proper noun: centre messages spell it in Latin letters in every language.
    .filter((value) => value.length >= 4 && !others.has(value) && value !== en.app.name);
}

async function untranslatedOn(page: Page, forbidden: string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return forbidden.filter((value) => text.includes(value));
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(ky.signIn.username).fill(username);
  await page.getByLabel(ky.signIn.password).fill(password);
  await page.getByRole('button', { name: ky.signIn.submit }).click();
  // Signed in once the menu exists (collapsed on a phone): the sign-in screen has buttons of similar names.
  await page.getByRole('button', { name: ky.signIn.signOut }).waitFor({ state: 'attached' });
}

/** Answers chosen by the officer: one item unknown, items 11 and 13 left to their indicators, the rest "no". */
const ANSWERS: Record<string, string> = {
  'context.perpetratorSex': 'male',
  'context.victimSex': 'female',
  'context.relationship': 'married',
  'context.indexIncident': 'physical_contact',
  'context.policeRecordsChecked': 'true',
  'items.violenceAgainstOthers': 'unknown',
  'substanceIndicators.alcoholAtIndex': 'yes',
  'substanceIndicators.historyOfUse': 'yes',
  'immediateDanger.officerBelievesHighDanger': 'false',
};

/** Fills the police form: the order, the settlement found by its Kyrgyz name, and the screening answers. */
async function fillOrder(page: Page, form: FormBody, orderNumber: string): Promise<void> {
  await page.locator('[data-path="items.priorDomesticAssault"]').waitFor();
  await page.getByLabel(ky.order.orderNumber).fill(orderNumber);
  await page.getByLabel(ky.order.issuingUnit).fill('Токтогул РИИБ');
  await page.getByLabel(ky.order.fullName).fill('Асанов Бакыт');
  await page.getByRole('combobox', { name: ky.order.settlement }).fill('Токтогул');
  await page.getByRole('option', { name: /^Токтогул/ }).click();
  for (const question of form.questions) {
    const byDefault = question.requirement === 'required' || question.path.startsWith('supportBarriers.') ? 'no' : undefined;
    const answer = ANSWERS[question.path] ?? (question.options.length > 0 ? byDefault : undefined);
    if (answer !== undefined) await page.locator(`[data-path="${question.path}"] input[value="${answer}"]`).check();
  }
}

const describeWithBrowser = browserMissing() ? describe.skip : describe;
if (browserMissing()) console.warn(browserMissing());

describeWithBrowser('the web app in a browser, against the running stack', () => {
  const stack = new KorgooStack();
  let browser: Browser;
  let form: FormBody;
  let admin: string;
  let orderId: string;
  let centreId: string;

  beforeAll(async () => {
    await stack.start();
    browser = await launchChromium();
    const [police, adminToken] = await stack.demoTokens('police', 'admin');
    admin = adminToken;
    // The order comes to a centre of the suite's own: the demo centres run few programmes a month, and the
    // suites before this one in the run may have taken them.
    await toktogulCentre(stack.gateway, admin, 'web-toktogul', 'Токтогул сыноо борбору', 1);
    form = (await request(stack.gateway).get('/api/v1/odara/form').auth(police, { type: 'bearer' }).expect(200)).body;
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('lets a police officer on a phone, in Kyrgyz, register an order with an unknown and an indicator-derived item', async () => {
    const { context, page } = await openApp(browser, stack.gateway, PHONE);
    await page.getByRole('heading', { name: ky.app.name }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ky');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-ky-phone');

    // The public indicators need no account.
    await page.getByRole('button', { name: ky.publicIndicators.open }).click();
    await page.getByRole('table').first().waitFor();
    expect(await untranslatedOn(page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'public-indicators-ky-phone');
    await page.getByRole('button', { name: ky.publicIndicators.back }).click();

    await signIn(page, 'police.demo', 'korgoo-demo-police');
    await page.getByRole('heading', { name: ky.order.title }).waitFor();
    const orderNumber = `TPO-WEB-${Math.floor(Math.random() * 1e9)}`;
    await fillOrder(page, form, orderNumber);
    await screenshot(page, 'police-order-form-ky-phone-screen', true);
    expect(await untranslatedOn(page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'police-order-form-ky-phone');

    await page.getByRole('button', { name: ky.order.submit }).click();
    const answer = page.getByRole('status').or(page.getByRole('alert')).first();
    await answer.waitFor();
    await screenshot(page, 'police-order-registered-ky-phone');
    expect(await answer.innerText()).toContain(orderNumber);
    orderId = await page.evaluate(() => (JSON.parse(localStorage.getItem('korgoo.orders.police.demo') ?? '[]') as string[])[0]);
    const assessed = await stack.awaitEvent<{ correlationId: string; payload: Record<string, unknown> }>(
      'risk.assessed.v1',
      (event) => event.correlationId === orderId,
    );
    // Item 11 is scored from its two substance indicators; item 10 stays unknown.
    expect(assessed.payload).toMatchObject({ unknownCount: 1, rawScore: 1 });
    const routed = await stack.awaitEvent<{ correlationId: string; payload: { centreId: string } }>(
      'referral.routed.v1',
      (event) => event.correlationId === orderId,
    );
    centreId = routed.payload.centreId;

    await page.getByRole('button', { name: ky.app.menu }).click();
    await page.getByRole('button', { name: ky.nav.myOrders }).click();
    await page.getByTestId('order-card').filter({ hasText: orderNumber }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'police-my-orders-ky-phone');
    await context.close();
  });

  it('keeps an order filed with the network cut on the phone, says so, and sends it once when the network returns', async () => {
    const { context, page } = await openApp(browser, stack.gateway, PHONE);
    await signIn(page, 'police.demo', 'korgoo-demo-police');
    const orderNumber = `TPO-OFF-${Math.floor(Math.random() * 1e9)}`;
    await fillOrder(page, form, orderNumber);

    await context.setOffline(true);
    await page.getByRole('button', { name: ky.order.submit }).click();
    await page.getByRole('status').filter({ hasText: ky.sendQueue.savedOnPhone }).waitFor();
    const pending = page.getByTestId('pending-order').filter({ hasText: orderNumber });
    await pending.getByText(ky.sendQueue.savedOnPhone).waitFor();
    expect(await page.getByText(ky.sendQueue.privacy).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'police-order-saved-offline-ky-phone');

    // Signing out now would leave the order on the phone until the next sign-in: the officer is warned.
    await page.getByRole('button', { name: ky.app.menu }).click();
    await page.getByRole('button', { name: ky.signIn.signOut }).click();
    await page.getByRole('dialog', { name: ky.signOutWarning.title.replace('{{count}}', '1') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'police-sign-out-warning-ky-phone');
    await page.getByRole('button', { name: ky.signOutWarning.stay }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await context.setOffline(false);
    await pending.waitFor({ state: 'detached' });
    const registered = await stack.awaitEvent<{ correlationId: string; payload: { orderNumber: string } }>(
      'order.registered.v1',
      (event) => event.payload.orderNumber === orderNumber,
    );
    const [police] = await stack.demoTokens('police');
    const listed = await request(stack.gateway).get('/api/v1/protection-orders?limit=100').auth(police, { type: 'bearer' }).expect(200);
    expect(listed.body.items.filter((item: { orderNumber: string }) => item.orderNumber === orderNumber)).toEqual([
      expect.objectContaining({ orderId: registered.correlationId }),
    ]);
    expect(await page.evaluate(() => localStorage.getItem('korgoo.outbox.police.demo'))).toBeNull();
    await context.close();
  });

  it('lets centre staff accept the referral from their inbox, and shows no English in Kyrgyz or Russian', async () => {
    const username = `staff.web.${Math.random().toString(36).slice(2, 10)}`;
    await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: 'a-long-enough-password', role: 'centre', centreId, displayName: 'Staff' })
      .expect(201);
    const { context, page } = await openApp(browser, stack.gateway);
    await signIn(page, username, 'a-long-enough-password');
    const card = page.getByTestId('referral-card').filter({ has: page.getByRole('button', { name: ky.inbox.accept }) }).first();
    await card.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await untranslatedOn(page, englishOnly(form))).toEqual([]);
    await screenshot(page, 'centre-inbox-ky');

    await page.getByText(ky.language.short.ru, { exact: true }).click();
    await page.getByRole('heading', { name: ru.inbox.referrals }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await untranslatedOn(page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'centre-inbox-ru');

    const ours = await request(stack.gateway)
      .get(`/api/v1/protection-orders/${orderId}`)
      .auth((await stack.demoTokens('coordinator'))[0], { type: 'bearer' })
      .expect(200);
    const referral = page.getByTestId('referral-card').filter({ hasText: ours.body.referral.referralNumber });
    await referral.getByRole('button', { name: ru.inbox.accept }).click();
    await stack.awaitEvent('referral.accepted.v1', (event) => (event as { correlationId: string }).correlationId === orderId);
    await referral.getByText(ru.referralStatus.accepted).waitFor();

    await stack.awaitEvent('programme.started.v1', (event) => (event as { correlationId: string }).correlationId === orderId);
    await page.getByRole('button', { name: ru.nav.programmes }).click();
    await page.getByRole('button', { name: ru.programme.open.replace('{{number}}', ours.body.referral.referralNumber) }).click();
    await page.getByRole('heading', { name: ru.programme.recordSession.replace('{{index}}', '1') }).waitFor();
    expect(await page.getByTestId('programme').getByRole('row').count()).toBe(5);
    expect(await untranslatedOn(page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'centre-programme-ru');
    await context.close();
  });

  it('shows coordinators the indicators and auditors the audit log, accessibly and in Kyrgyz', async () => {
    const coordinator = await openApp(browser, stack.gateway);
    await signIn(coordinator.page, 'coordinator.demo', 'korgoo-demo-coordinator');
    await coordinator.page.getByRole('button', { name: ky.nav.indicators }).click();
    await coordinator.page.getByRole('button', { name: ky.indicators.download.csv }).waitFor();
    await coordinator.page.getByRole('table').first().waitFor();
    expect(await untranslatedOn(coordinator.page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(coordinator.page)).toEqual([]);
    await screenshot(coordinator.page, 'coordinator-indicators-ky');
    const download = coordinator.page.waitForEvent('download');
    await coordinator.page.getByRole('button', { name: ky.indicators.download.csv }).click();
    expect((await download).suggestedFilename()).toMatch(/^korgoo-indicators-.*\.csv$/);
    await coordinator.context.close();

    const auditor = await openApp(browser, stack.gateway);
    await signIn(auditor.page, 'auditor.demo', 'korgoo-demo-auditor');
    await auditor.page.getByRole('heading', { name: ky.audit.title }).waitFor();
    await auditor.page.getByRole('cell', { name: ky.auditResource.programme, exact: false }).first().waitFor();
    expect(await untranslatedOn(auditor.page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(auditor.page)).toEqual([]);
    await screenshot(auditor.page, 'auditor-audit-log-ky');
    await auditor.context.close();
  });

  it('shows an admin the directory, and a centre’s group slots and outreach points by the facilitators’ names', async () => {
    const { context, page } = await openApp(browser, stack.gateway);
    await signIn(page, 'admin.demo', 'korgoo-demo-admin');
    await page.getByRole('button', { name: ky.nav.directory }).click();
    await page.getByRole('button', { name: 'Мээрман' }).click();
    const slots = page.getByRole('table', { name: ky.directory.groupSlots });
    await slots.getByRole('cell', { name: ky.weekday['3'], exact: true }).waitFor();
    expect(await slots.innerText()).toContain('Facilitator D.A.');
    await page.getByRole('table', { name: ky.directory.outreachPoints }).getByRole('cell', { name: 'Бөкөнбаев (Боконбаево)', exact: true }).waitFor();
    // The demo facilitators are named "Facilitator" and their initials: data, not the app's own text.
    expect(await untranslatedOn(page, englishOnly(form).filter((text) => text !== en.auditResource.facilitator))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-directory-ky');

    // A Monday men's group, added and removed again: each change sends the whole list, and the counts follow.
    const added = page.getByRole('form', { name: ky.directory.addSlot });
    await added.getByLabel(ky.directory.weekday).selectOption('1');
    await added.getByRole('button', { name: ky.directory.add }).click();
    const monday = slots.getByRole('cell', { name: ky.weekday['1'], exact: true });
    await monday.waitFor();
    const counts = page.getByRole('table', { name: ky.directory.centres }).getByRole('row').filter({ hasText: 'Мээрман' });
    await counts.getByRole('cell', { name: '2', exact: true }).waitFor();
    await slots.getByRole('button', { name: `${ky.weekday['1']} саат 14:00`, exact: false }).click();
    await monday.waitFor({ state: 'detached' });

    // A new facilitator, her week changed, then deactivated so routing offers her nothing.
    const name = `Фасилитатор ${Math.random().toString(36).slice(2, 6).toUpperCase()}.`;
    const newcomer = page.getByRole('form', { name: ky.directory.addFacilitator });
    await newcomer.getByLabel(ky.directory.displayName).fill(name);
    await newcomer.getByLabel(ky.directory.weekday).selectOption('6');
    await newcomer.getByRole('button', { name: ky.directory.add, exact: true }).click();
    const facilitators = page.getByRole('table', { name: ky.directory.facilitators });
    const row = facilitators.getByRole('row').filter({ hasText: name });
    await row.getByRole('cell', { name: `${ky.weekday['6']} 09:00–18:00`, exact: true }).waitFor();
    await row.getByRole('button', { name: ky.directory.editWeekOf.replace('{{name}}', name) }).click();
    const week = page.getByRole('form', { name: ky.directory.weekOf.replace('{{name}}', name) });
    await week.getByLabel(ky.directory.end).fill('13:00');
    await week.getByRole('button', { name: ky.directory.save }).click();
    await row.getByRole('cell', { name: `${ky.weekday['6']} 09:00–13:00`, exact: true }).waitFor();
    await row.getByRole('button', { name: ky.directory.deactivateOf.replace('{{name}}', name) }).click();
    await row.getByRole('cell', { name: ky.directory.facilitatorActive.false, exact: true }).waitFor();
    // The pointer leaves the button it pressed, so the page is checked as it rests.
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);

    // Paused once confirmed, and reopened, so the centre takes participants again.
    await page.getByRole('button', { name: ky.directory.setStatus.paused }).click();
    const confirmation = page.getByRole('group', { name: ky.directory.setStatus.paused });
    await confirmation.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-directory-facilitators-ky');
    await confirmation.getByRole('button', { name: ky.directory.confirm }).click();
    await counts.getByText(ky.directory.centreStatus.paused, { exact: true }).waitFor();
    await page.getByRole('button', { name: ky.directory.setStatus.open }).click();
    await page.getByRole('group', { name: ky.directory.setStatus.open }).getByRole('button', { name: ky.directory.confirm }).click();
    await counts.getByText(ky.directory.centreStatus.open, { exact: true }).waitFor();
    await context.close();
  });

  it('lets a coordinator turn on two-step sign-in from a QR code drawn in the page, then asks for the code at sign-in', async () => {
    const username = `coordinator.web.${Math.random().toString(36).slice(2, 10)}`;
    await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: 'a-long-enough-password', role: 'coordinator', displayName: 'Coordinator' })
      .expect(201);
    const { context, page } = await openApp(browser, stack.gateway);
    await signIn(page, username, 'a-long-enough-password');
    await page.getByRole('button', { name: ky.nav.secondFactor }).click();
    await page.getByRole('button', { name: ky.secondFactor.start }).click();
    await page.getByRole('img', { name: ky.secondFactor.qrLabel }).waitFor();
    expect(await untranslatedOn(page, englishOnly(form))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-second-factor-ky');

    const secret = (await page.getByLabel(ky.secondFactor.keyLabel).innerText()).replace(/\s/g, '');
    await page.getByLabel(ky.secondFactor.code).fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: ky.secondFactor.confirm }).click();
    await page.getByRole('status').getByText(ky.secondFactor.enabled).waitFor();

    await page.getByRole('button', { name: ky.signIn.signOut }).click();
    await page.getByLabel(ky.signIn.username).fill(username);
    await page.getByLabel(ky.signIn.password).fill('a-long-enough-password');
    await page.getByRole('button', { name: ky.signIn.submit }).click();
    // The code of the next time step: the one that confirmed the factor works only once.
    await page.getByLabel(ky.signIn.code).fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: ky.signIn.submit }).click();
    await page.getByRole('button', { name: ky.signIn.signOut }).waitFor();
    await context.close();
  });
});
