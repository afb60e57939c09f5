// The playground page: a terminal around sim-core's teaching shell (the same session,
// built-ins and completion as `netsim shell`), the topology picture redrawn after every
// command, a step-through of the last command's frames, and the tutorials as lessons.
// Nothing here computes network behaviour: every answer comes from the WebAssembly module.
import init, { Playground } from './pkg/sim_web.js';
import { lessons, answers } from './lessons.js';
import { render, escapeHtml } from './markdown.js';

const $ = (id) => document.getElementById(id);
const term = $('terminal');
const input = $('cmd');
const promptEl = $('prompt');

// Figures the browser test reads (performance.now() only measures; the simulation has no clock).
const metrics = (window.netsim = { ready: false, interactiveMs: null, replayMs: null, commandMs: null, redrawMs: null, commands: 0 });

const UI = {
  en: {
    skip: 'Skip to the terminal', playground: 'playground',
    tagline: 'A simulated Linux host: namespaces, veth, bridges, iptables. Everything runs in this page.',
    share: 'Share', download: 'Download', reset: 'Reset', 'share-label': 'Link to this session (copied if the browser allows):',
    terminal: 'Terminal', 'cmd-help': 'Enter runs a command, ↑/↓ walk the history, Tab completes (Esc then Tab leaves the field). Try <code>help</code>.',
    topology: 'Topology', frames: 'Frames of the last command', lessons: 'Lessons', chapter: 'Chapter',
    transcript: 'Transcript (as <code>netsim run</code> prints it)', footer: 'netsim compiled to WebAssembly. No request leaves this page.',
    run: 'Run in terminal', upto: 'Fresh host, run the chapter up to here', check: 'Check my session', answer: 'Show the answer',
    passed: 'Done: every observation of the answer is in your session.', missing: 'Not yet. Missing or different:',
    nosteps: 'No frames: the last command sent nothing.', expected: 'expected', got: 'you got', notrun: '(not run yet)',
    copied: 'Copied.', lang: '中文', interactive: 'interactive in', last: 'last command answered in', redraw: 'with the picture',
  },
  zh: {
    skip: '跳到终端', playground: '在线实验', tagline: '一台模拟的 Linux 主机：命名空间、veth、网桥、iptables，全部在本页面中运行。',
    share: '分享', download: '下载', reset: '重置', 'share-label': '本次会话的链接（浏览器允许时已复制）：',
    terminal: '终端', 'cmd-help': '回车执行命令，↑/↓ 浏览历史，Tab 补全（先按 Esc 再按 Tab 可离开输入框）。试试 <code>help</code>。',
    topology: '拓扑', frames: '上一条命令的帧', lessons: '教程', chapter: '章节',
    transcript: '记录（与 <code>netsim run</code> 的输出相同）', footer: 'netsim 编译为 WebAssembly，本页面不发出任何网络请求。',
    run: '在终端中运行', upto: '新主机，运行本章到此处', check: '检查我的会话', answer: '显示答案',
    passed: '完成：答案中的每一项观察都出现在你的会话中。', missing: '还没有完成。缺少或不同的是：',
    nosteps: '没有帧：上一条命令没有发送任何东西。', expected: '应为', got: '你的结果', notrun: '（尚未运行）',
    copied: '已复制。', lang: 'English', interactive: '可交互用时', last: '上一条命令用时', redraw: '含拓扑图',
  },
};
const params = new URLSearchParams(location.search);
let lang = params.get('lang') === 'zh' ? 'zh' : 'en';
const t = (k) => UI[lang][k] ?? UI.en[k];

let pg;
const history = [];
let hpos = 0;
let steps = [];
let cur = 0;
let leaveOnTab = false;

// ---------------------------------------------------------------- terminal

// The terminal holds one block per command, so that a new answer is laid out on its own
// instead of re-flowing the whole history.
let block = null;
function newBlock() {
  block = document.createElement('div');
  term.appendChild(block);
  while (term.childNodes.length > 500) term.removeChild(term.firstChild);
}
function print(text, cls) {
  if (!text) return;
  if (!block) newBlock();
  const span = document.createElement('span');
  if (cls) span.className = cls;
  span.textContent = text;
  block.appendChild(span);
  term.scrollTop = term.scrollHeight;
}

function download(name, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// Run one line as typed at the prompt.
function run(line) {
  const start = performance.now();
  newBlock();
  print(promptEl.textContent + line + '\n', 'echo');
  const r = JSON.parse(pg.handle(line));
  metrics.simMs = performance.now() - start;
  for (const [err, s] of r.chunks) print(s, err ? 'stderr' : null);
  if (r.flow === 'save') download(r.file.split('/').pop() || 'session.t', pg.transcript());
  promptEl.textContent = r.prompt;
  // The answer: the output laid out in the terminal.
  void term.scrollHeight;
  metrics.commandMs = performance.now() - start;
  // Then the picture and the frames, laid out too (reported as redrawMs).
  refresh();
  void document.body.offsetHeight;
  metrics.redrawMs = performance.now() - start;
  metrics.commands++;
  showTiming();
  return r;
}

function refresh() {
  steps = JSON.parse(pg.steps());
  cur = steps.length;
  $('steps-cmd').textContent = steps.length ? pg.last_command() : '';
  renderSteps();
  draw();
  $('transcript').textContent = pg.session_transcript();
}

function showTiming() {
  const parts = [];
  if (metrics.interactiveMs != null) parts.push(`${t('interactive')} ${metrics.interactiveMs.toFixed(0)} ms`);
  if (metrics.commandMs != null) parts.push(`${t('last')} ${metrics.commandMs.toFixed(1)} ms (${t('redraw')} ${metrics.redrawMs.toFixed(1)} ms)`);
  $('timing').textContent = parts.join(' · ');
}

// Tab: complete the word before the cursor from the shell's tables.
function complete() {
  const pos = input.selectionStart ?? input.value.length;
  const line = input.value;
  const { start, candidates } = JSON.parse(pg.complete(line, pos));
  const list = $('completions');
  list.replaceChildren();
  if (!candidates.length) return;
  const word = line.slice(start, pos);
  let ins;
  if (candidates.length === 1) {
    ins = candidates[0] + ' ';
  } else {
    ins = candidates.reduce((a, b) => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return a.slice(0, i);
    });
    if (ins === word) {
      for (const c of candidates) {
        const li = document.createElement('li');
        li.textContent = c;
        list.appendChild(li);
      }
    }
  }
  input.value = line.slice(0, start) + ins + line.slice(pos);
  const p = start + ins.length;
  input.setSelectionRange(p, p);
}

input.addEventListener('keydown', (e) => {
  if (e.key === 'Tab' && !e.shiftKey && !leaveOnTab && input.value.trim() !== '') {
    e.preventDefault();
    complete();
    return;
  }
  leaveOnTab = e.key === 'Escape';
  if (e.key === 'ArrowUp' && hpos > 0) {
    e.preventDefault();
    input.value = history[--hpos];
  } else if (e.key === 'ArrowDown') {
    e.preventDefault();
    hpos = Math.min(history.length, hpos + 1);
    input.value = history[hpos] ?? '';
  }
});

$('line').addEventListener('submit', (e) => {
  e.preventDefault();
  const line = input.value;
  input.value = '';
  $('completions').replaceChildren();
  if (line.trim() && history[history.length - 1] !== line) history.push(line);
  hpos = history.length;
  run(line);
});

// ---------------------------------------------------------------- topology and frames

const KIND = [
  [/^(netfilter|(filter|nat|mangle|raw) \w+ (rule|policy))|conntrack|dropped in/, 'nf', 'iptables'],
  [/^bridge|flood|learn|fdb/, 'br', 'bridge'],
  [/^(tx|rx) /, 'hop', 'hop'],
  [/ARP/, 'arp', 'ARP'],
];
const kindOf = (what) => KIND.find(([re]) => re.test(what)) ?? [null, 'ip', 'IP'];

function renderSteps() {
  const ol = $('steps');
  ol.replaceChildren();
  steps.forEach((s, i) => {
    const li = document.createElement('li');
    const [, cls, label] = kindOf(s.what);
    li.className = `step ${cls}${s.drop ? ' drop' : ''}`;
    li.innerHTML = `<span class="badge">${label}</span> <span class="where">${escapeHtml(s.where)}</span> <span class="what">${escapeHtml(s.what)}</span>`;
    li.addEventListener('click', () => go(i + 1));
    ol.appendChild(li);
  });
}

function nodeElement(svg, node) {
  if (!node) return null;
  const stack = node.match(/^n(\d+)s$/);
  if (stack) return svg.querySelectorAll('rect.stack')[Number(stack[1])] ?? null;
  return svg.querySelector(`g.device[id="${node}"] rect`);
}

function draw() {
  const box = $('topology');
  box.innerHTML = pg.svg(cur);
  const svg = box.querySelector('svg');
  if (!svg) return;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  const s = steps[cur - 1];
  const el = s && nodeElement(svg, s.node);
  if (el) {
    // The boxes' own attributes (getBBox would force a layout of the whole page).
    const b = Object.fromEntries(['x', 'y', 'width', 'height'].map((k) => [k, Number(el.getAttribute(k))]));
    const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [k, v] of Object.entries({ x: b.x - 4, y: b.y - 4, width: b.width + 8, height: b.height + 8, rx: 6 })) r.setAttribute(k, v);
    r.setAttribute('class', s.drop ? 'current drop' : 'current');
    svg.appendChild(r);
  }

  $('step-count').textContent = `${cur} / ${steps.length}`;
  $('step-now').textContent = s ? `${cur}. ${s.line.trim()}` : steps.length ? '' : t('nosteps');
  for (const [i, li] of [...$('steps').children].entries()) {
    const current = i === cur - 1;
    if (li.classList.contains('current') !== current) {
      li.classList.toggle('current', current);
      if (current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    if (li.classList.contains('future') !== i >= cur) li.classList.toggle('future', i >= cur);
  }
  // Keep the current step in view, scrolling the list only (not the page).
  const ol = $('steps');
  const curLi = ol.children[cur - 1];
  if (curLi && (curLi.offsetTop < ol.scrollTop || curLi.offsetTop + curLi.offsetHeight > ol.scrollTop + ol.clientHeight)) {
    ol.scrollTop = curLi.offsetTop - ol.clientHeight / 2;
  }
}

function go(n) {
  cur = Math.max(0, Math.min(steps.length, n));
  draw();
}
$('step-first').onclick = () => go(0);
$('step-prev').onclick = () => go(cur - 1);
$('step-next').onclick = () => go(cur + 1);
$('step-last').onclick = () => go(steps.length);
$('steps').addEventListener('keydown', (e) => {
  const k = { ArrowLeft: cur - 1, ArrowUp: cur - 1, ArrowRight: cur + 1, ArrowDown: cur + 1, Home: 0, End: steps.length }[e.key];
  if (k !== undefined) {
    e.preventDefault();
    go(k);
  }
});

// ---------------------------------------------------------------- lessons

let blocks = [];
let chapter = 0;

function commandsOf(block) {
  return block
    .split('\n')
    .filter((l) => l.startsWith('$ '))
    .map((l) => l.slice(2));
}

function renderLesson() {
  const pages = lessons[lang];
  const sel = $('chapter');
  sel.replaceChildren(...pages.map((p, i) => new Option(p.title, i)));
  chapter = Math.min(chapter, pages.length - 1);
  sel.value = chapter;
  blocks = [];
  const link = {
    image: (alt, src) => `<img src="images/${escapeHtml(src.split('/').pop())}" alt="${alt}">`,
    anchor: (label, href) => {
      const ex = href.match(/scenarios\/exercises\/([\w.-]+\.t)$/);
      if (ex && answers[ex[1]]) {
        const a = escapeHtml(ex[1]);
        return `<span class="exercise" data-answer="${a}"><button type="button" class="check">${t('check')}</button> <button type="button" class="show-answer" aria-expanded="false">${t('answer')}</button><span class="result" role="status"></span></span>`;
      }
      const doc = href.match(/^(?:\.\.\/(en|zh)\/)?([\w-]+\.md)(#.*)?$/);
      if (doc) return `<a href="#" data-lang="${doc[1] ?? lang}" data-file="${escapeHtml(doc[2])}">${label}</a>`;
      if (/^https?:/.test(href)) return `<a href="${href}" rel="noopener noreferrer">${label}</a>`;
      return `<span class="ref">${label}</span>`;
    },
  };
  const hooks = {
    console: (text, i) => {
      blocks.push(text);
      return `<div class="console"><div class="console-buttons"><button type="button" class="run-block" data-block="${i}">▶ ${t('run')}</button> <button type="button" class="upto-block" data-block="${i}">↻ ${t('upto')}</button></div><pre>${escapeHtml(text)}</pre></div>`;
    },
    code: (text) => `<pre class="code">${escapeHtml(text)}</pre>`,
  };
  $('lesson').innerHTML = render(pages[chapter].text, link, hooks);
}

function runBlock(i) {
  if (promptEl.textContent !== '[init]# ') {
    pg.handle('netns');
    promptEl.textContent = pg.prompt();
  }
  for (const c of commandsOf(blocks[i])) run(c);
}

$('lesson').addEventListener('click', (e) => {
  const b = e.target.closest('button, a[data-file]');
  if (!b) return;
  if (b.matches('a[data-file]')) {
    e.preventDefault();
    const l = b.dataset.lang;
    const idx = lessons[l].findIndex((p) => p.file === b.dataset.file);
    if (idx >= 0) {
      if (l !== lang) setLang(l);
      chapter = idx;
      renderLesson();
      $('lesson-title').scrollIntoView();
    }
  } else if (b.classList.contains('run-block')) {
    runBlock(Number(b.dataset.block));
    input.focus();
  } else if (b.classList.contains('upto-block')) {
    reset();
    for (let k = 0; k <= Number(b.dataset.block); k++) runBlock(k);
    input.focus();
  } else if (b.classList.contains('check')) {
    const ex = b.closest('.exercise');
    const r = JSON.parse(pg.check(answers[ex.dataset.answer]));
    const out = ex.querySelector('.result');
    out.className = 'result ' + (r.passed ? 'pass' : 'fail');
    if (r.passed) {
      out.textContent = ' ✓ ' + t('passed');
    } else {
      out.innerHTML = ' ✗ ' + t('missing') + r.observations
        .filter((o) => !o.ok)
        .slice(0, 3)
        .map((o) => `<pre>$ ${escapeHtml(o.command)}\n${t('expected')}:\n${escapeHtml(o.expected)}${o.status ? `[${o.status}]\n` : ''}${t('got')}:\n${o.got == null ? t('notrun') : escapeHtml(o.got)}</pre>`)
        .join('');
    }
  } else if (b.classList.contains('show-answer')) {
    const ex = b.closest('.exercise');
    let pre = ex.querySelector('pre.answer');
    if (pre) {
      pre.remove();
      b.setAttribute('aria-expanded', 'false');
    } else {
      pre = document.createElement('pre');
      pre.className = 'answer';
      pre.textContent = answers[ex.dataset.answer];
      ex.appendChild(pre);
      b.setAttribute('aria-expanded', 'true');
    }
  }
});
$('chapter').addEventListener('change', (e) => {
  chapter = Number(e.target.value);
  renderLesson();
});

function setLang(l) {
  lang = l;
  document.documentElement.lang = l === 'zh' ? 'zh-Hans' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.innerHTML = t(el.dataset.i18n);
  $('lang').textContent = t('lang');
  showTiming();
}
$('lang').onclick = () => {
  setLang(lang === 'en' ? 'zh' : 'en');
  renderLesson();
};

// ---------------------------------------------------------------- session buttons

function reset() {
  pg.reset();
  promptEl.textContent = pg.prompt();
  term.replaceChildren();
  block = null;
  history.length = 0;
  hpos = 0;
  refresh();
}
$('reset').onclick = () => {
  reset();
  input.focus();
};
$('download').onclick = () => download('netsim-session.t', pg.transcript());
$('share').onclick = async () => {
  const script = pg.script();
  const enc = encodeURIComponent(script);
  const base = location.origin + location.pathname;
  // Long scenarios go after '#': never sent to a server, and no URL length limit to speak of.
  const url = enc.length > 1500 ? `${base}#script=${enc}` : `${base}?script=${enc}`;
  $('share-box').hidden = false;
  $('share-url').value = url;
  $('share-url').select();
  try {
    await navigator.clipboard.writeText(url);
    $('share-url').title = t('copied');
  } catch {
    // Not a secure context, or no permission: the link is selected in the box.
  }
};

function scriptFromUrl() {
  const q = params.get('script');
  if (q != null) return q;
  const h = location.hash.slice(1);
  if (!h) return null;
  return decodeURIComponent(h.startsWith('script=') ? h.slice(7) : h);
}

// ---------------------------------------------------------------- start

async function main() {
  await init();
  pg = new Playground(0);
  setLang(lang);
  renderLesson();
  const script = scriptFromUrl();
  if (script != null) {
    const start = performance.now();
    print(pg.replay(script));
    refresh();
    $('transcript-details').open = true;
    // Replayed and shown: the transcript, the picture and the frames laid out.
    void document.body.offsetHeight;
    metrics.replayMs = performance.now() - start;
  } else {
    refresh();
    print(lang === 'zh'
      ? 'netsim：一台模拟的 Linux 主机。输入 `help` 查看可用命令，Tab 补全。\n'
      : 'netsim shell: a simulated Linux host. `help` lists what you can type; TAB completes.\n');
  }
  promptEl.textContent = pg.prompt();
  input.disabled = false;
  input.focus();
  metrics.interactiveMs = performance.now();
  metrics.ready = true;
  showTiming();
  // Browsers compile WebAssembly functions lazily, on their first call: run the common paths
  // once on a throwaway host while the reader reads, so the first real command is not the
  // one that pays for compiling them.
  setTimeout(warmUp, 0);
}

const WARM_UP = `ip netns add a
ip netns add b
ip link add br0 type bridge
ip link set br0 up
ip link add va netns a type veth peer name vb
ip link set vb master br0
ip link set vb up
ip link add vc netns b type veth peer name vd
ip link set vd master br0
ip link set vd up
ip -n a addr add 10.9.0.1/24 dev va
ip -n b addr add 10.9.0.2/24 dev vc
ip -n a link set va up
ip -n b link set vc up
ip netns exec b iptables -A INPUT -p icmp -j ACCEPT
ip netns exec a ping -c 2 10.9.0.2
ip netns exec b iptables -L -n -v
`;

function warmUp() {
  const start = performance.now();
  const w = new Playground(0);
  w.replay(WARM_UP);
  w.handle('ip -br addr');
  w.handle('ip netns exec a ping -c 1 10.9.0.2');
  w.steps();
  w.svg(1000);
  w.complete('ip link set v', 13);
  w.session_transcript();
  w.free();
  metrics.warmUpMs = performance.now() - start;
}

main().catch((e) => {
  print(`netsim: the WebAssembly module did not load: ${e}\n`, 'stderr');
  metrics.error = String(e);
});
