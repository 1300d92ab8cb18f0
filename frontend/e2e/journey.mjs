// End-to-end: the real app in Chromium (found by browser.mjs), signing in as each role.
// Usage: node e2e/journey.mjs BASE_URL PHASE SCREENSHOT_DIR [CHILD_NAME]
//   protect: a contact carried to a child protection plan      review: the first review conference
//   refer:    a contact recorded and screened for a Child and Family Assessment
//   allocate: a team manager allocates a social worker by name
//   assess:   the assessment recommends entry to care and the team manager authorises it
//   panel:    a request that fails the network check, then passes and is approved
//   siblings: three siblings on one contact, screened together; mother and grandmother; a warning on all three cases
//   leaver:   a team manager moves a leaver's children, some to one colleague and the rest to another, and each
//             colleague finds every moved task in My tasks, due as before (CHILD_NAME is the plan, as JSON, below)
//   documents: a social worker adds a police report to a case and sees it listed, and it downloads as it was
//   council:  signing in through the council's identity provider (CHILD_NAME is {username, password, refused}, as
//             JSON): lands in the inbox with the groups the provider gave; sign-out ends the provider's session too
//             (it asks for the password again); an account in no Casepath group is refused with a page that says why.
//             BASE_URL must be another site than the provider's (127.0.0.1 beside its localhost).
//   letters:  the chronology printed as a PDF; the assessment, shared by email, authorised; a chair holds a
//             conference and its outcome letter downloads as a PDF (CHILD_NAME is {child, conferenceChild, email}, as JSON)
// Every page visited is checked with axe (WCAG 2.2 AA); any violation fails the run, and so does a
// page visited without an axe run (a page: a URL, path and query, as the user signed in at the time).
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { launchBrowser } from './browser.mjs';

const [base, phase, shots, childArg] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
const page = await context.newPage();
page.setDefaultTimeout(15000);
const problems = [];
page.on('pageerror', (e) => problems.push('page error: ' + e.message));

// Pages visited (every navigation of the main frame, the browser app's own included) and pages checked.
let signedInAs = null;
const visited = new Set();
const checked = new Set();
const pageKey = (url) => { const u = new URL(url); return `${u.pathname}${u.search} as ${signedInAs ?? 'no one'}`; };
page.on('framenavigated', (frame) => {
  if (frame === page.mainFrame() && frame.url().startsWith(base)) visited.add(pageKey(frame.url()));
});

async function axe(name) {
  checked.add(pageKey(page.url()));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  for (const v of result.violations) {
    problems.push(`axe on ${name}: ${v.id} (${v.impact}) ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }
  console.log(`axe ${name}: ${result.violations.length} violations`);
}

/** Axe on the page now shown, once it has loaded, unless this page has had its run. */
async function checkPage(name) {
  await page.waitForFunction(() => !document.body.innerText.includes('Loading…'));
  if (!checked.has(pageKey(page.url()))) await axe(name ?? pageKey(page.url()));
}

// The tasks' words, as the inbox shows them (the same file the tasklist reads).
const TASK_WORDS = Object.fromEntries(JSON.parse(readFileSync(new URL('../src/lib/words.json', import.meta.url), 'utf8')).tasks);

const group = (name) => page.getByRole('group', { name, exact: true });
const radio = (groupName, label) => group(groupName).getByLabel(label, { exact: true }).check();

// Words, never codes: what a person reads on the case page has no UPPER_SNAKE code (CP_PLAN), no
// camelCase element id (reviewComesDue) and no bare code in brackets ((NEG), (1B), (RC8)). Case
// references (CP-0001234) use a hyphen, and the form's words for a code may begin with it
// ("2A Schools", "RC8 Closed after assessment…"), so neither is caught.
const CODES = [
  [/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g, 'code'],
  [/\b[a-z]+[A-Z][A-Za-z]*\b/g, 'element id'],
  [/\(\s*(?:[A-Z]{2,4}|[0-9]{1,2}[A-Z]?|[A-Z]{1,2}[0-9]{1,2})\s*\)/g, 'bare code'],
  [/\b(?:NEG|PHY|EMO|SAB|MUL|NFA|S47|NO_S47|S20)\b/g, 'code'],
];
// A team's name is the council's own, as its administrators typed it, not a code: the demo's Front Door
// team is "Family Front Door (MASH)", offered wherever a case may move to another team.
const NAMES = ['Family Front Door (MASH)'];
async function wordsNotCodes(name) {
  // The page as read, and the diagram's labels apart (each label's lines joined with spaces), so that
  // a problem says whether it is in the page or in a model's names. The header's menu items are read one
  // a line: side by side, the page's text runs them together ("Record a contactTimelinessTeams").
  const { text, diagram } = await page.evaluate(() => {
    const d = document.querySelector('.casepath-diagram');
    const labels = d ? [...d.querySelectorAll('text')]
      .map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent).join('\n') : '';
    const menu = document.querySelector('.govuk-header__navigation');
    const items = menu ? [...menu.querySelectorAll('li')].map((li) => li.innerText).join('\n') : '';
    for (const hidden of [d, menu]) if (hidden) hidden.style.display = 'none';
    const read = document.body.innerText;
    for (const hidden of [d, menu]) if (hidden) hidden.style.display = '';
    return { text: read + '\n' + items, diagram: labels };
  });
  let count = 0;
  for (const [where, read] of [[name, text], [`${name} (diagram labels)`, diagram]]) {
    const words = NAMES.reduce((t, n) => t.replaceAll(n, ''), read);
    const found = new Set();
    for (const [pattern, what] of CODES) for (const m of words.matchAll(pattern)) found.add(`${what} ${m[0]}`);
    if (found.size) problems.push(`codes on ${where}: ${[...found].join(', ')}`);
    count += found.size;
  }
  console.log(`words on ${name}: ${count} codes`);
}

async function signIn(user) {
  await page.goto(base + '/sign-in');
  await page.getByRole('heading', { name: 'Sign in to Casepath' }).waitFor();
  await checkPage();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill('demo');
  signedInAs = user;
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.getByText(`(${user})`).waitFor();
  await checkPage();
}

async function signOut() {
  signedInAs = null;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Casepath' }).waitFor();
  await checkPage();
}

async function openTask(view, childName, taskName) {
  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await checkPage();
  if (view === 'groups') await page.getByRole('link', { name: /My teams' tasks/ }).click();
  await page.getByRole('row', { name: new RegExp(childName) }).getByRole('link', { name: taskName, exact: true }).first().click();
  await page.getByRole('heading', { name: taskName, level: 1 }).waitFor();
  await checkPage(`${taskName} form`);
}

async function save() {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('completed for').waitFor();
  await checkPage();
}

/** The Front Door records a contact about the child; prints CASE and the case id. */
async function recordContact(child, [day, month, year], gender, concerns) {
  await page.getByRole('link', { name: 'Record a contact' }).click();
  await page.getByRole('heading', { name: 'Record a contact' }).waitFor();
  await axe('record a contact');
  await page.getByLabel('Who made the contact (referral source)').selectOption('2A');
  await group('Referrer').getByLabel('Name', { exact: true }).fill('Ms Okoye');
  await group('Referrer').getByLabel('Organisation').fill("St Mary's Primary School");
  await page.getByLabel('First name').fill(child.split(' ')[0]);
  await page.getByLabel('Last name').fill(child.split(' ')[1]);
  await group('Date of birth').getByLabel('Day').fill(day);
  await group('Date of birth').getByLabel('Month').fill(month);
  await group('Date of birth').getByLabel('Year').fill(year);
  await radio('Gender', gender);
  await page.getByLabel('Ethnicity').selectOption('ABAN');
  await page.getByLabel('What are the concerns?').fill(concerns);
  await page.getByRole('button', { name: 'Record the contact' }).click();
  await page.getByText('Contact recorded as').waitFor();
  await checkPage();
  const caseId = page.url().split('/cases/')[1];
  console.log('CASE ' + caseId);
  return caseId;
}

try {
  if (phase === 'protect') {
    const child = childArg;
    await page.goto(base + '/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Casepath' }).waitFor();
    await axe('sign in');
    await signIn('fd.practitioner');
    await recordContact(child, ['14', '5', '2017'], 'Male', 'Bruising to the upper arm; he said his step-father grabbed him.');

    await openTask('groups', child, 'Screen the contact');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.screenshot({ path: `${shots}/form-with-errors.png`, fullPage: true });
    await axe('form with errors');
    await radio('Decision', 'Strategy discussion');
    await page.getByLabel('Rationale').fill('Physical injury disclosed by the child.');
    await save();
    await signOut();

    await signIn('social.worker');
    await page.screenshot({ path: `${shots}/inbox.png`, fullPage: true });
    await axe('inbox');
    await page.getByRole('link', { name: /My teams' tasks/ }).click();
    await page.getByText("My teams' tasks, soonest due first").waitFor();
    await axe("my teams' tasks");
    await openTask('groups', child, 'Strategy discussion');
    for (const [i, name, agency] of [[1, 'Grace Mensah', "Children's social care"], [2, 'DC Bello', 'Police'], [3, 'Nurse Lee', 'Health']]) {
      await page.getByRole('button', { name: i === 1 ? 'Add an attendee' : 'Add another attendee' }).click();
      await page.getByLabel(`Name (attendee ${i})`).fill(name);
      await radio(`Agency (attendee ${i})`, agency);
    }
    await radio('Decision', 'Start a section 47 enquiry');
    await page.getByLabel('Rationale').fill('Reasonable cause to suspect significant harm.');
    await save();
    await openTask('mine', child, 'Section 47 enquiry');
    await radio('Outcome', 'Convene an initial child protection conference');
    await page.getByRole('button', { name: 'Add a danger statement and safety goal' }).click();
    await page.getByLabel('Danger statement 1').fill('Bilal could be hurt again when his step-father is angry.');
    await page.getByLabel('Safety goal 1').fill('Bilal is safe at home and knows who to call.');
    await page.getByLabel('Rationale').fill('Injury consistent with his account.');
    await save();
    await signOut();

    await signIn('cp.chair');
    await openTask('groups', child, 'Initial child protection conference');
    await radio('Decision', 'Child protection plan');
    await radio('Category of plan', 'Physical abuse');
    await radio('Safety scale', '3');
    await save();
    await page.getByText('Physical abuse since').waitFor();
    await wordsNotCodes('case view');
    await page.screenshot({ path: `${shots}/case-view.png`, fullPage: true });
    await axe('case view');
    await page.getByRole('tab', { name: 'Process' }).click();
    await page.locator('.casepath-diagram svg').first().waitFor();
    await page.getByText('Now at:').waitFor();
    await checkPage('the case process');
    await wordsNotCodes('the case process');
    await page.getByRole('tab', { name: 'Chronology' }).click();
    await page.getByText('Moved to the stage: Child protection plan').first().waitFor();
    await checkPage('the case chronology');
    await wordsNotCodes('the case chronology');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByText('Physical abuse since').waitFor();
    // The census items corrected after the contact: a wrong NHS number is refused by its field.
    await page.getByRole('link', { name: "Change the child's NHS number, UPN or disabilities" }).click();
    await page.getByRole('heading', { name: "Change the child's details" }).waitFor();
    await axe("change the child's details");
    await page.getByLabel('NHS number').fill('943 476 5918');
    await group('Disabilities').getByLabel('Hearing', { exact: true }).check();
    await page.getByRole('button', { name: "Save the child's details" }).click();
    await page.getByText(/check digit is wrong/).first().waitFor();
    await axe("change the child's details with errors");
    await page.getByLabel('NHS number').fill('943 476 5919');
    await page.getByRole('button', { name: "Save the child's details" }).click();
    await page.getByText("The child's details are saved.").waitFor();
    await page.getByText('9434765919').waitFor();
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await axe('cases');
  } else if (phase === 'visit') {
    // A home visit written up as a note: drafted, the page left (the tab closed), opened again,
    // finished, and counted as the statutory visit; then direct work in the child's words.
    const child = childArg;
    await signIn('social.worker');
    await openTask('mine', child, 'Visit');
    await page.getByRole('link', { name: 'View the case' }).click();
    await page.getByRole('heading', { name: child, level: 1 }).waitFor();
    await checkPage('case summary');
    const due = await page.getByRole('heading', { name: 'What is due next' }).boundingBox();
    if (!due || due.y > 1000) problems.push(`the case summary shows what is due next below the first screen (at ${due?.y}px)`);
    await page.getByRole('heading', { name: 'What is due next' }).locator('..').getByText('Visit').first().waitFor();
    await page.screenshot({ path: `${shots}/case-summary.png` });
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('heading', { name: 'Notes', level: 2 }).waitFor();
    await checkPage('case notes');
    await page.getByRole('link', { name: 'Write a note' }).first().click();
    await page.getByRole('heading', { name: 'Write a note' }).waitFor();
    await checkPage('write a note');
    await page.getByLabel('What kind of note').selectOption({ label: 'Home visit' });
    const seen = new Date(Date.now() - 60 * 60 * 1000);
    const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric',
      year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(seen);
    const part = (type) => london.find((p) => p.type === type).value;
    await group('When it happened').getByLabel('Day').fill(part('day'));
    await group('When it happened').getByLabel('Month').fill(part('month'));
    await group('When it happened').getByLabel('Year').fill(part('year'));
    await group('When it happened').getByLabel('Time').fill(`${part('hour')}:${part('minute')}`);
    await page.getByLabel('Subject').fill('Home visit after school');
    await page.getByLabel('What happened').fill('Bilal showed me his room and his new football boots.');
    // Saved as typed: the server's draft holds the last words once the typing has paused.
    for (let tries = 0; ; tries++) {
      const drafts = await page.evaluate(() => fetch('/api/notes/drafts').then((r) => r.json()));
      if (drafts.some((d) => d.subject === 'Home visit after school'
        && d.text === 'Bilal showed me his room and his new football boots.')) break;
      if (tries > 30) throw new Error('the draft was not saved as it was typed: ' + JSON.stringify(drafts));
      await page.waitForTimeout(500);
    }
    await page.getByText(/^Draft saved at/).waitFor();
    await page.goto('about:blank');

    await page.goto(base + '/');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByRole('heading', { name: 'Your unfinished notes' }).waitFor();
    await page.getByRole('link', { name: 'Home visit after school' }).click();
    await page.getByRole('heading', { name: 'Continue writing a note' }).waitFor();
    await checkPage('continue writing a note');
    if (await page.getByLabel('What happened').inputValue() !== 'Bilal showed me his room and his new football boots.') {
      problems.push('the draft did not come back as it was typed');
    }
    await page.getByLabel('What happened').fill('Bilal showed me his room and his new football boots. He said home is calmer.');
    await radio('Was the child seen?', 'Yes');
    await radio('Seen alone?', 'Yes');
    await page.getByRole('button', { name: 'Add to the record' }).click();
    await page.getByText('The statutory visit was recorded.').waitFor();
    await checkPage('case notes after a visit');
    // Finished, it is read and amended, never edited.
    await page.getByRole('link', { name: 'Home visit after school', exact: true }).click();
    await page.getByRole('heading', { name: 'Home visit after school', level: 1 }).waitFor();
    await checkPage('a finished note');
    await page.goBack();
    await page.getByRole('heading', { name: 'Notes', level: 2 }).waitFor();
    await page.getByRole('tab', { name: 'Plan and timescales' }).click();
    await page.getByRole('heading', { name: 'Plan and timescales', level: 2 }).waitFor();
    await checkPage('plan and timescales');
    await wordsNotCodes('plan and timescales');

    // Direct work: the Three Houses in the child's words, then on the summary.
    await page.goto(base + page.url().replace(base, '').replace(/\/plan$/, '/notes/new'));
    await page.getByRole('heading', { name: 'Write a note' }).waitFor();
    await checkPage('write a direct work note');
    await page.getByLabel('What kind of note').selectOption({ label: 'Direct work with the child' });
    await group('When it happened').getByLabel('Day').fill(part('day'));
    await group('When it happened').getByLabel('Month').fill(part('month'));
    await group('When it happened').getByLabel('Year').fill(part('year'));
    await group('When it happened').getByLabel('Time').fill(`${part('hour')}:${part('minute')}`);
    await page.getByLabel('What happened').fill('Three Houses with Bilal at the kitchen table.');
    for (const [house, item, words] of [['House of worries', 'worry', 'When my step-dad shouts'],
      ['House of good things', 'good thing', 'Football with my friends'], ['House of dreams', 'dream', 'Everyone is calm at home']]) {
      await group(house).getByRole('button', { name: `Add a ${item}` }).click();
      await page.getByLabel(`${house} 1`).fill(words);
    }
    await page.getByLabel('Wishes and feelings').fill('I want to stay at home with mum.');
    await axe('a direct work note, filled in');
    await page.getByRole('button', { name: 'Add to the record' }).click();
    await page.getByText('Note added to the record.').waitFor();
    await checkPage();
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByText('Football with my friends').first().waitFor();
    await checkPage('case summary with what the child says');
    await page.getByRole('tab', { name: 'Chronology' }).click();
    await page.getByRole('heading', { name: /^Chronology/, level: 2 }).waitFor();
    await checkPage('chronology');
    await wordsNotCodes('chronology');

    // Phone-sized: the note form and the case page at 320 px, with no sideways scrolling.
    await page.setViewportSize({ width: 320, height: 800 });
    for (const [name, path] of [['case summary at 320 px', page.url().replace(/\/chronology$/, '')],
      ['write a note at 320 px', page.url().replace(/\/chronology$/, '/notes/new')]]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Loading…'));
      await axe(name);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 320) problems.push(`${name}: the page is ${wide}px wide, so it scrolls sideways`);
      await page.screenshot({ path: `${shots}/${name.replace(/ /g, '-')}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 1000 });
  } else if (phase === 'review') {
    await signIn('cp.chair');
    await openTask('groups', childArg, 'Review conference');
    // The form opens with the current map to revise: the danger statement the enquiry wrote.
    if (await page.getByLabel('Danger statement 1').inputValue() !== 'Bilal could be hurt again when his step-father is angry.') {
      problems.push('the review conference did not open with the current map');
    }
    await radio('Decision', 'Continue the plan');
    await save();
    await page.getByRole('tab', { name: 'Plan and timescales' }).click();
    await page.locator('tr[data-milestone="RCPC"] td[data-label="Met"]', { hasText: '1' }).waitFor();
    await checkPage('plan and timescales after the review conference');
    await wordsNotCodes('plan and timescales after the review conference');
    await signOut();
    await signIn('service.manager');
    await page.getByRole('link', { name: 'Timeliness' }).click();
    await page.getByRole('heading', { name: 'Overdue now' }).waitFor();
    await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });
    await axe('dashboard');
  } else if (phase === 'refer') {
    const child = childArg;
    await signIn('fd.practitioner');
    await recordContact(child, ['3', '2', '2015'], 'Male', 'Neglect: the school reports he is hungry and unwashed most days.');
    await openTask('groups', child, 'Screen the contact');
    await radio('Decision', 'Child and Family Assessment');
    await page.getByLabel('Rationale').fill('Neglect over many months: threshold level 3.');
    await save();
  } else if (phase === 'allocate') {
    await signIn('team.manager');
    await openTask('groups', childArg, 'Allocate a social worker');
    await page.getByLabel('Social worker').selectOption({ label: 'Grace Mensah (social.worker)' });
    await axe('allocation form');
    await save();
  } else if (phase === 'assess') {
    const child = childArg;
    await signIn('social.worker');
    await openTask('mine', child, 'Complete the assessment');
    await radio('Was the child seen alone?', 'Yes');
    await radio('Safety scale', '2');
    await radio('Recommendation', 'Entry to care');
    await radio('How it was shared', 'In person');
    await save();
    await signOut();
    await signIn('team.manager');
    await openTask('groups', child, 'Authorise the assessment');
    await radio('Decision', 'Entry to Care Panel');
    await page.getByLabel('Comments', { exact: true }).fill('Agreed: the plans have not kept him safe.');
    await save();
  } else if (phase === 'panel') {
    const child = childArg;
    await signIn('social.worker');
    await openTask('mine', child, 'Request entry to care');
    await radio('Route into care', 'Pre-proceedings (Public Law Outline)');
    await page.getByLabel('Why the child should become looked after').fill('Neglect has not improved over two plans.');
    await radio('Is the genogram complete?', 'No');
    await radio('Was a safety plan tried?', 'No');
    await save();
    await openTask('mine', child, 'Network work');
    await page.getByText('The network check found gaps').waitFor();
    await page.screenshot({ path: `${shots}/network-gaps.png`, fullPage: true });
    await axe('network work with gaps');
    await radio('Is the genogram complete?', 'Yes');
    await page.getByRole('button', { name: 'Add a person' }).first().click();
    await page.getByLabel('Name (person 1)').fill('Joy Asante');
    await page.getByLabel('Relationship to the child (person 1)').fill('maternal grandmother');
    await page.getByLabel('Their role in the safety plan (person 1)').fill('Stays over on Fridays; checks in daily.');
    const today = new Date();
    for (const legend of ['Date it was offered', 'Date it was held']) {
      await group(legend).getByLabel('Day').fill(String(today.getDate()));
      await group(legend).getByLabel('Month').fill(String(today.getMonth() + 1));
      await group(legend).getByLabel('Year').fill(String(today.getFullYear()));
    }
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Who it was offered to 1').fill('Mum');
    await radio('Was a safety plan tried?', 'Yes');
    await page.getByLabel('What happened').fill('Held for six weeks, then broke down.');
    await save();
    await signOut();

    await signIn('panel.member');
    await page.getByRole('link', { name: 'Entry to Care Panel' }).click();
    await page.getByText('The network check has passed').first().waitFor();
    await page.screenshot({ path: `${shots}/panel.png`, fullPage: true });
    await axe('panel');
    await page.getByRole('region', { name: new RegExp(child) }).getByRole('link', { name: /Panel decision/ }).click();
    await page.getByRole('heading', { name: 'Panel decision', level: 1 }).waitFor();
    await axe('panel decision form');
    await radio('Decision', 'Approve entry to care');
    await radio('Approved route', 'Pre-proceedings (Public Law Outline)');
    await page.getByLabel('Rationale').fill('The network has been fully explored; the plan cannot keep him safe.');
    await save();
  } else if (phase === 'siblings') {
    // The issue's "done when": three siblings on one contact, screened together; their mother and
    // grandmother added (the grandmother in the safety network); a risk-to-worker warning on the
    // mother shows on all three children's cases; the middle child found by a misspelt name.
    const surname = childArg;
    const kids = [['Amara', ['4', '3', '2014'], 'Female'], ['Kofi', ['9', '7', '2016'], 'Male'], ['Esi', ['20', '11', '2019'], 'Female']];
    await signIn('fd.practitioner');
    await page.getByRole('link', { name: 'Record a contact' }).click();
    await page.getByRole('heading', { name: 'Record a contact' }).waitFor();
    await checkPage('record a contact');
    await page.getByLabel('Who made the contact (referral source)').selectOption('2A');
    await group('Referrer').getByLabel('Name', { exact: true }).fill('Ms Okoye');
    await group('Referrer').getByLabel('Organisation').fill("St Mary's Primary School");
    await page.getByRole('button', { name: 'Add another child' }).click();
    await page.getByRole('button', { name: 'Add another child' }).click();
    for (const [i, [first, [day, month, year], gender]] of kids.entries()) {
      const child = group(`Child ${i + 1}`);
      const born = child.getByRole('group', { name: 'Date of birth', exact: true });
      await child.getByLabel('First name').fill(first);
      await child.getByLabel('Last name').fill(surname);
      await born.getByLabel('Day').fill(day);
      await born.getByLabel('Month').fill(month);
      await born.getByLabel('Year').fill(year);
      await child.getByRole('group', { name: 'Gender', exact: true }).getByLabel(gender, { exact: true }).check();
    }
    await axe('record a contact about three children');
    await page.getByLabel('What are the concerns?').fill('The children are often left alone overnight; the eldest cares for the youngest.');
    await page.getByRole('button', { name: 'Record the contact' }).click();
    await page.getByRole('heading', { name: `The ${surname} family` }).waitFor();
    await checkPage('family page');
    const familyUrl = page.url();
    for (const href of await page.locator('a[href^="/cases/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      console.log('CASE ' + href.split('/cases/')[1]);
    }

    // Screening the three together: one form each, all or nothing; a missing rationale is named by child.
    await page.getByRole('link', { name: /^Screen the contact for/ }).click();
    await page.getByRole('heading', { name: 'Screen the contact, together', level: 1 }).waitFor();
    await checkPage('screen the contact together');
    const section = (first) => page.getByRole('region', { name: `${first} ${surname}` });
    for (const [first] of kids) await section(first).getByRole('group', { name: 'Decision', exact: true }).getByLabel('Strategy discussion').check();
    for (const [first] of kids.slice(0, 2)) await section(first).getByLabel('Rationale').fill(`${first} has been left alone overnight.`);
    await page.getByRole('button', { name: /^Save all 3/ }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: /Esi/ }).first().waitFor();
    await page.screenshot({ path: `${shots}/together-with-errors.png`, fullPage: true });
    await axe('screen the contact together, with errors');
    await section('Esi').getByLabel('Rationale').fill('Esi is four and was found alone.');
    await page.getByRole('button', { name: /^Save all 3/ }).click();
    await page.getByText('Screen the contact completed for').waitFor();
    await checkPage();
    await signOut();

    // A social worker, who may work the children's strategy discussions, adds their mother and grandmother.
    await signIn('social.worker');
    const findPerson = async (name, expect) => {
      await page.getByRole('link', { name: 'People', exact: true }).click();
      await page.getByRole('heading', { name: 'Find a person' }).waitFor();
      await checkPage('find a person');
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('link', { name: expect, exact: true }).waitFor();
      await checkPage(`search for ${name}`);
    };
    const openPerson = async (name) => {
      await page.getByRole('link', { name, exact: true }).first().click();
      await page.getByRole('heading', { name: new RegExp(`^${name}`), level: 1 }).waitFor();
      await checkPage(`${name}'s page`);
    };
    const addRelationship = async (child, who, type, { parental = 'No', livesWith = 'No', network = 'No', role } = {}) => {
      await page.getByRole('link', { name: 'Add a relationship' }).click();
      await page.getByRole('heading', { name: 'Add a relationship' }).waitFor();
      await checkPage(`add a relationship for ${child}`);
      if (who.existing) {
        await page.getByLabel('Someone already on the record').check();
        await page.getByLabel('Their name').fill(who.existing);
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByLabel(new RegExp(`^${who.existing}`)).first().check();
      } else {
        await page.getByLabel('Someone new').check();
        const person = group('The new person');
        await person.getByLabel('First name').fill(who.first);
        await person.getByLabel('Last name').fill(who.last);
        await person.getByRole('group', { name: 'Gender', exact: true }).getByLabel('Female', { exact: true }).check();
      }
      await page.getByLabel('They are the person’s').selectOption({ label: type });
      await radio('Do they have parental responsibility?', parental);
      await radio('Do they live with the child?', livesWith);
      await radio('Are they in the safety network?', network);
      if (role) await page.getByLabel('Their role in the safety plan').fill(role);
      await axe(`add a relationship for ${child}, filled in`);
      await page.getByRole('button', { name: 'Save the relationship' }).click();
      await page.getByText('is recorded as').waitFor();
      await checkPage();
    };
    const mother = { first: 'Abena', last: surname };
    const grandmother = { first: 'Joy', last: 'Asante' };
    await findPerson(`Amara ${surname}`, `Amara ${surname}`);
    await openPerson(`Amara ${surname}`);
    await addRelationship('Amara', mother, 'Mother', { parental: 'Yes', livesWith: 'Yes' });
    await addRelationship('Amara', grandmother, 'Grandparent', { network: 'Yes', role: 'Stays over on Fridays; checks in daily.' });
    await page.getByRole('row', { name: /Joy Asante/ }).getByText('Safety network').waitFor();
    for (const first of ['Kofi', 'Esi']) {
      await findPerson(`${first} ${surname}`, `${first} ${surname}`);
      await openPerson(`${first} ${surname}`);
      await addRelationship(first, { existing: `Abena ${surname}` }, 'Mother', { parental: 'Yes', livesWith: 'Yes' });
    }

    // The mother's warning, agreed by the team manager, on all three children's cases.
    await openPerson(`Abena ${surname}`);
    await page.getByRole('link', { name: 'Raise a warning' }).click();
    await page.getByRole('heading', { name: 'Raise a warning' }).waitFor();
    await checkPage('raise a warning');
    await radio('Type of warning', 'Risk to workers');
    await page.getByLabel('Details').fill('Threatened a worker at the door; visit in pairs.');
    const review = new Date(Date.now() + 90 * 86400000);
    await group('Review by').getByLabel('Day').fill(String(review.getUTCDate()));
    await group('Review by').getByLabel('Month').fill(String(review.getUTCMonth() + 1));
    await group('Review by').getByLabel('Year').fill(String(review.getUTCFullYear()));
    await page.getByLabel('Agreed by').selectOption('team.manager');
    await page.getByRole('button', { name: 'Raise the warning' }).click();
    await page.getByText('Warning raised').waitFor();
    await page.locator('.govuk-warning-text', { hasText: 'Risk to workers' }).first().waitFor();
    await axe("the mother's page with her warning");
    await page.goto(familyUrl);
    await page.getByRole('heading', { name: `The ${surname} family` }).waitFor();
    await page.locator('.govuk-warning-text', { hasText: 'Risk to workers' }).first().waitFor();
    await checkPage('family page with the warning');
    for (const [first] of kids) {
      await page.getByRole('row', { name: new RegExp(first) }).locator('a[href^="/cases/"]').first().click();
      await page.getByRole('heading', { name: `${first} ${surname}`, level: 1 }).waitFor();
      await page.locator('.govuk-warning-text', { hasText: 'Risk to workers' }).first().waitFor();
      await checkPage(`${first}'s case with the warning`);
      await wordsNotCodes(`${first}'s case`);
      await page.screenshot({ path: `${shots}/sibling-case-${first}.png`, fullPage: true });
      await page.goBack();
      await page.getByRole('heading', { name: `The ${surname} family` }).waitFor();
    }
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await checkPage();
    await page.getByRole('link', { name: /My teams' tasks/ }).click();
    await page.getByLabel('Task', { exact: true }).selectOption({ label: 'Strategy discussion' });
    await page.getByRole('row', { name: new RegExp(`Kofi ${surname}`) }).getByText('Risk to workers').waitFor();
    await axe("my teams' tasks with warnings");

    // The middle child, found by a misspelt first name (sounds alike).
    await findPerson(`Kofy ${surname}`, `Kofi ${surname}`);
    await axe('people found by a misspelt name');
    await page.screenshot({ path: `${shots}/people-search.png`, fullPage: true });
  } else if (phase === 'leaver') {
    // Issue 16's "done when": a team manager, in the tasklist alone, sees the team's caseloads, moves a
    // leaver's children to two colleagues, and each colleague finds every moved task in My tasks with its
    // due date unchanged. The plan comes from the test, as JSON: {team, leaver, leaverName, reason,
    // moves: [{to, toName, children: [name]}], tasks: [{child, taskKey, due (in words), to}]}, the
    // tasks and their due dates read from the database before the move.
    const plan = JSON.parse(childArg);
    await signIn('team.manager');
    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await checkPage('teams');
    await page.getByRole('link', { name: plan.team, exact: true }).click();
    await page.getByRole('heading', { name: `${plan.team}: caseload`, level: 1 }).waitFor();
    await checkPage("the team's caseload");
    const caseload = page.getByRole('table', { name: 'Open cases and work, by worker' });
    // Each worker's total of open cases and of open tasks, by the table's own headings.
    const figures = async () => {
      await caseload.locator('tbody tr').first().waitFor();
      return caseload.evaluate((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        const at = (name) => heads.indexOf(name);
        return Object.fromEntries([...table.querySelectorAll('tbody tr')].map((tr) => {
          const cells = [...tr.children].map((c) => c.textContent.trim());
          return [cells[0], { total: parseInt(cells[at('Total')], 10), openTasks: parseInt(cells[at('Open tasks')], 10) }];
        }));
      });
    };
    const all = plan.moves.flatMap((m) => m.children);
    const before = await figures();
    console.log('caseload before: ' + JSON.stringify(before));
    if (!(before[plan.leaverName]?.total >= all.length)) problems.push(`the caseload shows ${plan.leaverName} with ${before[plan.leaverName]?.total} cases, fewer than the ${all.length} to move`);
    await wordsNotCodes("the team's caseload");
    await page.screenshot({ path: `${shots}/team-caseload.png`, fullPage: true });

    await caseload.getByRole('link', { name: plan.leaverName, exact: true }).click();
    await page.getByRole('heading', { name: `${plan.leaverName}’s cases`, level: 1 }).waitFor();
    await checkPage("the leaver's cases");
    for (const child of all) await page.getByRole('checkbox', { name: `Select ${child}`, exact: true }).waitFor();
    await wordsNotCodes("the leaver's cases");

    let movedSoFar = 0;
    for (const [i, move] of plan.moves.entries()) {
      for (const child of move.children) await page.getByRole('checkbox', { name: `Select ${child}`, exact: true }).check();
      // The team stays the page's own: the colleagues are the leaver's teammates.
      await page.getByLabel('Team', { exact: true }).locator('option', { hasText: plan.team }).first().waitFor({ state: 'attached' });
      const team = await page.getByLabel('Team', { exact: true }).evaluate((el) => el.selectedOptions[0]?.textContent ?? '');
      if (!team.startsWith(plan.team)) problems.push(`move ${i + 1}: the team chosen is "${team}", not ${plan.team}`);
      await page.getByLabel('Worker', { exact: true }).selectOption({ label: move.toName });
      const reason = page.getByLabel('Reason', { exact: true });
      if (i === 0) await reason.fill(plan.reason);
      else if (await reason.inputValue() !== plan.reason) problems.push(`the reason was not kept for the next move: "${await reason.inputValue()}"`);
      await axe(`the leaver's cases, move ${i + 1} filled in`);
      await page.getByRole('button', { name: 'Move the selected cases' }).click();
      const n = move.children.length;
      await page.getByRole('status').filter({ hasText: `${n} ${n === 1 ? 'case' : 'cases'} moved to ${move.toName}` }).waitFor();
      movedSoFar += n;
      await page.getByRole('table', { name: movedSoFar === 1 ? 'The case moved from this page' : `The ${movedSoFar} cases moved from this page` }).waitFor();
      for (const child of move.children) await page.getByRole('checkbox', { name: `Select ${child}`, exact: true }).waitFor({ state: 'detached' });
      await axe(`the leaver's cases after move ${i + 1}`);
    }

    // The report: each child, where it went.
    const report = page.getByRole('table', { name: `The ${all.length} cases moved from this page` });
    for (const move of plan.moves) {
      for (const child of move.children) {
        const row = report.getByRole('row', { name: new RegExp(child) });
        const text = await row.innerText();
        if (!text.includes(`${move.toName} in ${plan.team}`)) problems.push(`the report has ${child} as "${text.replace(/\s+/g, ' ')}", not moved to ${move.toName} in ${plan.team}`);
      }
    }
    const rows = await report.locator('tbody tr').count();
    if (rows !== all.length) problems.push(`the report lists ${rows} cases, not ${all.length}`);
    await wordsNotCodes("the leaver's cases after the moves");
    await page.screenshot({ path: `${shots}/leaver-moved.png`, fullPage: true });
    await page.getByRole('link', { name: 'The team’s caseload' }).click();
    await page.getByRole('heading', { name: `${plan.team}: caseload`, level: 1 }).waitFor();
    for (const move of plan.moves) await caseload.getByRole('link', { name: move.toName, exact: true }).waitFor();
    // The page may show the figures it had while it fetches them again: wait for the leaver's to change.
    let after = await figures();
    for (let tries = 0; after[plan.leaverName]?.total === before[plan.leaverName]?.total && tries < 20; tries++) {
      await page.waitForTimeout(250);
      after = await figures();
    }
    console.log('caseload after: ' + JSON.stringify(after));
    const change = (name) => after[name]?.total - before[name]?.total;
    if (change(plan.leaverName) !== -all.length) problems.push(`the caseload shows ${plan.leaverName}'s cases changed by ${change(plan.leaverName)}, not -${all.length}`);
    for (const move of plan.moves) {
      if (change(move.toName) !== move.children.length) problems.push(`the caseload shows ${move.toName}'s cases changed by ${change(move.toName)}, not ${move.children.length}`);
    }
    await axe("the team's caseload after the moves");
    await wordsNotCodes("the team's caseload after the moves");
    await signOut();

    // Each colleague's My tasks: every task moved to them, under the child's name, due as before.
    const findTask = async (t) => {
      const words = TASK_WORDS[t.taskKey] ?? t.taskKey;
      await page.getByLabel('Task', { exact: true }).selectOption({ label: words });
      await page.waitForFunction(() => !document.body.innerText.includes('Loading…'));
      return page.getByRole('row', { name: new RegExp(t.child) }).filter({ has: page.getByRole('link', { name: words, exact: true }) });
    };
    for (const move of plan.moves) {
      await signIn(move.to);
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      for (const t of plan.tasks.filter((x) => x.to === move.to)) {
        const row = await findTask(t);
        await row.first().waitFor();
        const text = (await row.first().innerText()).replace(/\s+/g, ' ');
        if (!text.includes(t.due)) problems.push(`${move.to}'s ${TASK_WORDS[t.taskKey]} for ${t.child} is due "${text}", not ${t.due}`);
        if (!text.includes(move.to)) problems.push(`${TASK_WORDS[t.taskKey]} for ${t.child} is not with ${move.to}: "${text}"`);
        console.log(`found in ${move.to}'s tasks: ${text}`);
      }
      await page.getByLabel('Task', { exact: true }).selectOption({ label: 'All tasks' });
      await axe(`${move.to}'s tasks after the moves`);
      await wordsNotCodes(`${move.to}'s tasks`);
      await page.screenshot({ path: `${shots}/inbox-${move.to}.png`, fullPage: true });
      await signOut();
    }
    // And the leaver holds none of them.
    await signIn(plan.leaver);
    for (const t of plan.tasks) {
      const row = await findTask(t);
      if (await row.count() > 0) problems.push(`${plan.leaver} still has ${TASK_WORDS[t.taskKey]} for ${t.child}`);
    }
    await page.getByLabel('Task', { exact: true }).selectOption({ label: 'All tasks' });
  } else if (phase === 'documents' || phase === 'letters') {
    const plan = phase === 'letters' ? JSON.parse(childArg) : { child: childArg };
    /** A document's content, fetched as the signed-in browser would: its type and whether it is a PDF. */
    const content = async (href) => {
      const response = await page.request.get(new URL(href, base).toString());
      const body = await response.body();
      return { status: response.status(), type: response.headers()['content-type'] ?? '', pdf: body.subarray(0, 5).toString() === '%PDF-' };
    };
    const documentsTab = async (child) => {
      await page.getByRole('tab', { name: 'Documents' }).click();
      await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
      await checkPage(`${child}'s documents`);
    };

    // The child's case, from the social worker's task, through the tasklist alone.
    await signIn('social.worker');
    await openTask('mine', plan.child, 'Complete the assessment');
    await page.getByRole('link', { name: 'View the case' }).click();
    await page.getByRole('heading', { name: plan.child, level: 1 }).waitFor();
    await checkPage('case summary');
    await documentsTab(plan.child);
    if (phase === 'documents') {
      await page.getByRole('link', { name: 'Add a document' }).click();
      await page.getByRole('heading', { name: 'Add a document' }).waitFor();
      await checkPage('add a document');
      await page.getByLabel('Title').fill('Police report');
      await page.getByRole('button', { name: 'Add the document' }).click();
      await page.getByRole('link', { name: 'Select a file' }).waitFor();
      await axe('add a document with errors');
      await page.getByLabel('Upload a file').setInputFiles(new URL('./fixtures/police-report.pdf', import.meta.url).pathname);
      await radio('Category', 'Police');
      await group('Document date').getByLabel('Day').fill('1');
      await group('Document date').getByLabel('Month').fill('3');
      await group('Document date').getByLabel('Year').fill('2026');
      await page.getByRole('button', { name: 'Add the document' }).click();
      await page.getByText('Police report added').waitFor();
      const report = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Police report/ }) });
      await report.waitFor();
      const reportText = (await report.innerText()).replace(/\s+/g, ' ');
      for (const words of ['Police', '1 March 2026', 'Grace Mensah', 'PDF']) {
        if (!reportText.includes(words)) problems.push(`the police report's row says "${reportText}", not ${words}`);
      }
      await axe('documents, the police report added');
      await wordsNotCodes('the case documents');
      await page.screenshot({ path: `${shots}/case-documents.png`, fullPage: true });
      const uploaded = await content(await report.getByRole('link').getAttribute('href'));
      if (!uploaded.pdf || !uploaded.type.startsWith('application/pdf')) problems.push(`the police report downloads as ${JSON.stringify(uploaded)}`);
      console.log('UPLOADED ' + reportText);
    } else {
      // The chronology printed as a PDF, for a court bundle.
      await page.getByRole('button', { name: 'Print the chronology' }).click();
      const printed = page.getByRole('status').getByRole('link', { name: /PDF/ });
      await printed.waitFor();
      const chronology = await content(await printed.getAttribute('href'));
      if (!chronology.pdf) problems.push(`the printed chronology downloads as ${JSON.stringify(chronology)}`);
      await axe('documents, the chronology printed');

      // The assessment, shared with the family by email, and its authorisation.
      await openTask('mine', plan.child, 'Complete the assessment');
      await radio('Was the child seen alone?', 'Yes');
      await radio('Safety scale', '5');
      await radio('Recommendation', 'Child in Need plan');
      await radio('How it was shared', 'By email');
      await page.getByLabel('Email address').fill(plan.email);
      await save();
      await signOut();
      await signIn('team.manager');
      await openTask('groups', plan.child, 'Authorise the assessment');
      await radio('Decision', 'Child in Need plan');
      await page.getByLabel('Comments', { exact: true }).fill('Agreed: a plan with the family.');
      await save();
      await signOut();

      // A chair holds the initial conference; the outcome letter is on the case, and downloads as a PDF.
      await signIn('cp.chair');
      await openTask('groups', plan.conferenceChild, 'Initial child protection conference');
      await radio('Decision', 'Child protection plan');
      await radio('Category of plan', 'Neglect');
      await radio('Safety scale', '3');
      await save();
      await page.getByText('Neglect since').waitFor();
      await documentsTab(plan.conferenceChild);
      // Found by what it is (the kind's words), whatever its title; written when the conference is held, so perhaps a moment later.
      const letterRow = page.getByRole('row').filter({ hasText: 'Conference outcome letter' }).first();
      for (let i = 0; i < 10 && (await letterRow.count()) === 0; i++) {
        await page.waitForTimeout(1000);
        await page.reload();
        await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
        await page.waitForFunction(() => !document.body.innerText.includes('Loading…'));
      }
      await letterRow.waitFor();
      const letterLink = letterRow.getByRole('link').first();
      const letterText = (await letterRow.innerText()).replace(/\s+/g, ' ');
      if (!letterText.includes('Written by Casepath')) problems.push(`the letter's row says "${letterText}"`);
      await checkPage(`${plan.conferenceChild}'s documents, the letter`);
      await wordsNotCodes('the case documents with the letter');
      await page.screenshot({ path: `${shots}/conference-letter.png`, fullPage: true });
      const letter = await content(await letterLink.getAttribute('href'));
      if (letter.status !== 200 || !letter.pdf || !letter.type.startsWith('application/pdf')) {
        problems.push(`the conference outcome letter downloads as ${JSON.stringify(letter)}`);
      }
      console.log(`LETTER ${letter.type} ${letter.pdf ? 'a PDF' : 'not a PDF'}`);
    }
  } else if (phase === 'council') {
    const plan = JSON.parse(childArg);
    const councilSignIn = async (username) => {
      await page.goto(base + '/sign-in');
      await page.getByRole('heading', { name: 'Sign in to Casepath' }).waitFor();
      await checkPage('the sign-in page, with the council account');
      await page.getByRole('button', { name: 'Sign in with your council account' }).click();
      // The provider's own sign-in page (another site: not Casepath's to check with axe).
      await page.waitForURL((url) => !url.href.startsWith(base));
      console.log(`PROVIDER ASKS at ${new URL(page.url()).origin}${new URL(page.url()).pathname}`);
      // By the fields' names, which Spring Authorization Server's page (the tests') and Keycloak's share.
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(plan.password);
      signedInAs = username;
      await page.getByRole('button', { name: 'Sign in' }).click();
    };

    await councilSignIn(plan.username);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByText(`(${plan.username})`).waitFor();
    await checkPage('the inbox, signed in with the council account');
    await page.screenshot({ path: `${shots}/council-inbox.png`, fullPage: true });
    const me = await page.evaluate(() => fetch('/api/me', { headers: { Accept: 'application/json' } }).then((r) => r.json()));
    console.log(`SIGNED IN ${JSON.stringify(me)}`);

    // Sign-out ends both sessions: Casepath's, and the provider's, which sends the browser back to the sign-in page.
    await signOut();
    console.log(`SIGNED OUT at ${page.url()}`);
    const after = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    console.log(`ME AFTER SIGN-OUT ${after}`);
    if (after !== 401) problems.push(`after sign-out /api/me answers ${after}`);
    // Signing in again, the provider asks for the password again (councilSignIn waits for its page).

    await councilSignIn(plan.refused);
    await page.getByRole('heading', { name: 'You cannot use Casepath with this account' }).waitFor();
    await checkPage('the refusal page');
    await page.screenshot({ path: `${shots}/council-refused.png`, fullPage: true });
    const refusedMe = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    console.log(`REFUSED at ${new URL(page.url()).pathname}, /api/me ${refusedMe}`);
    if (refusedMe !== 401) problems.push(`a refused account's /api/me answers ${refusedMe}`);
  } else {
    throw new Error('unknown phase ' + phase);
  }
  const unchecked = [...visited].filter((key) => !checked.has(key));
  for (const key of unchecked) problems.push(`no axe run on a page visited: ${key}`);
  console.log(`pages visited: ${visited.size}, checked with axe: ${checked.size}`);
} catch (e) {
  // The first line, what was waited for, and where the page was: enough to tell a CI failure from the log alone.
  const lines = e.message.split('\n');
  const waited = lines.find((l) => l.includes('waiting for'))?.trim();
  const shown = await page.locator('.govuk-error-summary, .govuk-notification-banner, h1').allInnerTexts().catch(() => []);
  problems.push(`${phase}: ${lines[0]}${waited ? ` (${waited})` : ''} at ${page.url()}, showing: ${shown.join(' | ').slice(0, 500)}`);
  await page.screenshot({ path: `${shots}/failure-${phase}.png`, fullPage: true }).catch(() => {});
}
await browser.close();
if (problems.length) {
  console.log('FAILED\n' + problems.join('\n'));
  process.exit(1);
}
console.log('PASSED ' + phase);
