// The playground in headless Chromium (playwright-core, Debian's /usr/bin/chromium).
// Serves web/dist from a local server, types web/tests/typed.txt at the prompt (with Tab
// completion and history), steps through the ping's frames, loads ?script= and #script=
// links, checks an exercise, switches to Chinese and a phone's screen, and writes what the
// page shows into OUT for tests/browser.rs to compare with `netsim run`/`trace`/`check`.
// Screenshots go to SHOTS. Exit status 1 on any failed check.
//
// usage: node web/tests/browser.mjs DIST OUT SHOTS
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const [dist, out, shots] = process.argv.slice(2);
if (!dist || !out || !shots) {
  console.error('usage: browser.mjs DIST OUT SHOTS');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`browser.mjs: no Chromium at ${executablePath} (Debian: apt-get install chromium)`);
  process.exit(1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`browser.mjs: no ${join(dist, 'index.html')} (run web/build.sh)`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
mkdirSync(shots, { recursive: true });

let failures = 0;
let passes = 0;
function check(ok, what, detail = '') {
  if (ok) {
    passes++;
    console.log(`ok: ${what}`);
  } else {
    failures++;
    console.log(`FAILED: ${what}${detail ? `\n  ${String(detail).split('\n').join('\n  ')}` : ''}`);
  }
}

// ---------------------------------------------------------------- a static server

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dist, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(normalize(dist)) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

const foreign = [];
const errors = [];
async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return page;
}
async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.netsim && (window.netsim.ready || window.netsim.error), null, { timeout: 20000 });
  const m = await page.evaluate(() => window.netsim);
  if (m.error) throw new Error(`page failed: ${m.error}`);
  return m;
}
const metrics = (page) => page.evaluate(() => ({ ...window.netsim }));
const text = (page, sel) => page.locator(sel).textContent();

try {
  // ------------------------------------------------------------ load time
  const interactive = [];
  for (let i = 0; i < 5; i++) {
    const p = await newPage();
    const m = await open(p, base);
    interactive.push(m.interactiveMs);
    await p.context().close();
  }
  interactive.sort((a, b) => a - b);

  // ------------------------------------------------------------ typing at the prompt
  const page = await newPage();
  await open(page, base);
  check((await text(page, '#prompt')) === '[init]# ', 'the prompt starts at [init]#');
  const typed = readFileSync(join(here, 'typed.txt'), 'utf8').split('\n').filter((l) => l.trim());
  const commandMs = [];
  for (const line of typed) {
    const pieces = line.split('<TAB>');
    for (const [i, piece] of pieces.entries()) {
      await page.keyboard.type(piece);
      if (i < pieces.length - 1) await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const m = await metrics(page);
    commandMs.push({ line, ms: m.commandMs, sim_ms: m.simMs, redraw_ms: m.redrawMs });
    if (line === 'ip netns exec ns1 bash') check((await text(page, '#prompt')) === '[ns1]# ', 'ip netns exec ns1 bash gives the [ns1]# prompt');
  }
  check((await text(page, '#prompt')) === '[init]# ', 'exit returns to [init]#');
  const term = await text(page, '#terminal');
  check(term.includes('[init]# ip link set veth0 up\n'), 'Tab completed "ip li" and "ve" to "ip link set veth0 up"', term.slice(-400));
  check(term.includes('[ns1]# iptables -A INPUT -p icmp -j ACCEPT\n'), 'commands inside ns1 are echoed with its prompt');
  check(/2 received/.test(term), 'the ping answered in the terminal');
  writeFileSync(join(out, 'typed-transcript.txt'), await text(page, '#transcript'));

  // History: ↑ recalls the last line, ↑ again the one before.
  await page.keyboard.press('ArrowUp');
  check((await page.inputValue('#cmd')) === 'ping -c 2 10.0.0.2', '↑ recalls the last command');
  await page.keyboard.press('ArrowUp');
  check((await page.inputValue('#cmd')) === 'exit', '↑↑ recalls the one before');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  check((await page.inputValue('#cmd')) === '', '↓ back to an empty line');
  // Several candidates: Tab shows them all.
  await page.keyboard.type('ip netns exec n');
  await page.keyboard.press('Tab');
  check((await page.inputValue('#cmd')) === 'ip netns exec ns', 'Tab completes the common prefix "ns"');
  await page.keyboard.press('Tab');
  check((await text(page, '#completions')) === 'ns0ns1', 'Tab lists ns0 and ns1', await text(page, '#completions'));
  await page.fill('#cmd', '');
  // Keyboard users are not trapped: Tab on an empty line, or Esc then Tab, leaves the field.
  await page.focus('#cmd');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.id !== 'cmd'), 'Tab on an empty command line moves the focus on');
  await page.focus('#cmd');
  await page.keyboard.type('ip li');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.id !== 'cmd'), 'Esc then Tab leaves a non-empty command line');
  await page.fill('#cmd', '');

  // ------------------------------------------------------------ the topology and the step-through
  const svg = await page.locator('#topology svg');
  check((await svg.count()) === 1, 'the topology is drawn');
  const svgText = await page.locator('#topology').innerHTML();
  for (const name of ['netns ns0', 'netns ns1', 'veth0', 'veth1', '10.0.0.2/24']) check(svgText.includes(name), `the topology shows ${name}`);
  const steps = await page.$$eval('#steps li', (lis) => lis.map((li) => ({ where: li.querySelector('.where').textContent, what: li.querySelector('.what').textContent, kind: li.className })));
  writeFileSync(join(out, 'steps.json'), JSON.stringify(steps, null, 1));
  check(steps.length > 10, `the ping's frames are listed (${steps.length} steps)`);
  check(steps.some((s) => s.kind.includes('nf') && /filter INPUT rule 1: -A INPUT -p icmp -j ACCEPT/.test(s.what)), 'the matching iptables rule is a step');
  check((await text(page, '#step-count')) === `${steps.length} / ${steps.length}`, 'all steps shown after the command');
  check((await text(page, '#steps-cmd')) === 'ping -c 2 10.0.0.2', 'the step-through names the command');
  await page.click('#step-first');
  check((await text(page, '#step-count')) === `0 / ${steps.length}`, 'first: no step');
  check((await page.locator('#topology polyline.path').count()) === 0, 'no path drawn before the first step');
  const seen = [];
  const ruleStep = steps.findIndex((s) => /filter INPUT rule 1/.test(s.what)) + 1;
  for (let i = 1; i <= steps.length; i++) {
    await page.click('#step-next');
    const cur = await page.evaluate(() => {
      const r = document.querySelector('#topology rect.current');
      return { count: document.querySelector('#step-count').textContent, now: document.querySelector('#step-now').textContent, box: r ? [r.getAttribute('x'), r.getAttribute('y')].join(',') : null, paths: document.querySelectorAll('#topology polyline.path').length };
    });
    seen.push(cur);
    if (i === ruleStep) await page.locator('#topo-pane').screenshot({ path: join(shots, 'playground-steps.png') });
  }
  check(seen.every((s, i) => s.count === `${i + 1} / ${steps.length}`), 'next advances one step at a time');
  check(seen.every((s, i) => s.now.startsWith(`${i + 1}. `) && s.now.includes(steps[i].what)), 'each step is described as the trace has it');
  check(seen.every((s) => s.box), 'every step highlights a node of the picture');
  check(new Set(seen.map((s) => s.box)).size >= 4, 'the highlight moves across the picture', JSON.stringify(seen.map((s) => s.box)));
  check(seen[seen.length - 1].paths > seen[2].paths, 'the path on the picture grows as the steps go on');
  await page.click('#step-prev');
  await page.click('#step-prev');
  check((await text(page, '#step-count')) === `${steps.length - 2} / ${steps.length}`, 'prev goes back');
  // Keyboard: focus the list, ← and Home.
  await page.focus('#steps');
  await page.keyboard.press('ArrowLeft');
  check((await text(page, '#step-count')) === `${steps.length - 3} / ${steps.length}`, '← steps back from the keyboard');
  await page.keyboard.press('Home');
  check((await text(page, '#step-count')) === `0 / ${steps.length}`, 'Home goes to the start');
  for (let i = 0; i < ruleStep; i++) await page.keyboard.press('ArrowRight');
  check((await text(page, '#step-now')).includes('filter INPUT rule 1: -A INPUT -p icmp -j ACCEPT'), 'the step-through stops on the matching iptables rule');
  // Screenshot of terminal and topology, highlighted at the iptables rule's step.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'playground-terminal.png') });

  // ------------------------------------------------------------ download and share
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  await dl.saveAs(join(out, 'download.t'));
  check(dl.suggestedFilename().endsWith('.t'), 'download saves a .t scenario');
  await page.click('#share');
  const shareUrl = await page.inputValue('#share-url');
  check(shareUrl.startsWith(base + '?script='), 'share makes a ?script= link', shareUrl);
  const shared = await newPage();
  await open(shared, shareUrl);
  check((await text(shared, '#transcript')) === (await text(page, '#transcript')), 'the shared link replays the same transcript');
  await shared.context().close();

  // ------------------------------------------------------------ ?script= and #script= links
  const short = readFileSync(join(here, 'typed.script'), 'utf8');
  const p2 = await newPage();
  await open(p2, base + '?script=' + encodeURIComponent(short));
  writeFileSync(join(out, 'query-transcript.txt'), await text(p2, '#transcript'));
  check((await p2.locator('#topology').innerHTML()).includes('netns ns1'), 'the ?script= link draws its topology');
  await p2.context().close();
  const walk = readFileSync(join(here, '..', '..', 'scenarios', 'notes', 'walkthrough.t'), 'utf8');
  const replayMs = [];
  for (let i = 0; i < 5; i++) {
    const p3 = await newPage();
    const m = await open(p3, base + '#script=' + encodeURIComponent(walk));
    replayMs.push(m.replayMs);
    if (i === 0) writeFileSync(join(out, 'walkthrough-transcript.txt'), await text(p3, '#transcript'));
    await p3.context().close();
  }
  replayMs.sort((a, b) => a - b);

  // ------------------------------------------------------------ a lesson and its exercise, in Chinese
  const p4 = await newPage();
  await open(p4, base);
  await p4.click('#lang');
  check((await text(p4, '#lesson-title')) === '教程', 'the language switch shows the Chinese lessons');
  await p4.selectOption('#chapter', { label: (await p4.$$eval('#chapter option', (o) => o.map((x) => x.textContent))).find((t) => t.startsWith('1.')) });
  // Run a console block of the lesson (from a fresh host, the chapter up to it).
  await p4.locator('.console button.upto-block').nth(1).click();
  check((await text(p4, '#terminal')).includes('[init]# ip netns exec ns0 ip addr\n'), 'a lesson block runs in the terminal');
  const ex = p4.locator('.exercise').first();
  await ex.locator('button.check').click();
  check((await ex.locator('.result').getAttribute('class')).includes('fail'), 'an exercise is not done before its commands');
  // Do exercise 1 of chapter 1 by typing its answer's commands.
  const answer = await p4.evaluate(async () => (await import('./lessons.js')).answers['01-loopback.t']);
  for (const l of answer.split('\n').filter((l) => l.startsWith('$ '))) {
    await p4.fill('#cmd', l.slice(2));
    await p4.press('#cmd', 'Enter');
  }
  await ex.locator('button.check').click();
  check((await ex.locator('.result').getAttribute('class')).includes('pass'), 'the exercise is checked done after its commands', await ex.locator('.result').textContent());
  await ex.scrollIntoViewIfNeeded();
  await p4.evaluate(() => window.scrollTo(0, 0));
  await p4.screenshot({ path: join(shots, 'playground-lesson-zh.png'), fullPage: true });
  await p4.context().close();

  // ------------------------------------------------------------ a phone's screen
  const phone = await newPage({ width: 390, height: 844 });
  await open(phone, base + '?script=' + encodeURIComponent(short));
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, 'nothing wider than a phone screen', `overflow ${overflow}px`);
  await phone.fill('#cmd', 'ip netns exec ns1 ping -c 1 10.0.0.1');
  await phone.press('#cmd', 'Enter');
  await phone.screenshot({ path: join(shots, 'playground-phone.png') });
  await phone.context().close();

  check(foreign.length === 0, 'no request leaves the local server', foreign.join('\n'));
  check(errors.length === 0, 'no error in the page', errors.join('\n'));

  const wasm = readFileSync(join(dist, 'pkg', 'sim_web_bg.wasm'));
  const median = (v) => v[Math.floor(v.length / 2)];
  const budgets = {
    wasm_bytes: wasm.length,
    wasm_gzip_bytes: gzipSync(wasm, { level: 9 }).length,
    interactive_ms_median: median(interactive),
    interactive_ms_max: interactive[interactive.length - 1],
    command_ms_median: median(commandMs.map((c) => c.ms).sort((a, b) => a - b)),
    command_ms_max: Math.max(...commandMs.map((c) => c.ms)),
    redraw_ms_median: median(commandMs.map((c) => c.redraw_ms).sort((a, b) => a - b)),
    redraw_ms_max: Math.max(...commandMs.map((c) => c.redraw_ms)),
    command_ms: commandMs,
    walkthrough_replay_ms_median: median(replayMs),
    walkthrough_replay_ms_max: replayMs[replayMs.length - 1],
  };
  writeFileSync(join(out, 'budgets.json'), JSON.stringify(budgets, null, 1));
  console.log(JSON.stringify({ ...budgets, command_ms: undefined }));
} catch (e) {
  failures++;
  console.log(`FAILED: ${e.stack || e}`);
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
