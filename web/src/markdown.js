// A small Markdown renderer for the tutorials: headings, paragraphs, lists, tables, quotes,
// fenced code, inline code, emphasis, links and images. It knows two things about netsim:
// ```console blocks are transcripts (the page adds a "run" button), and links to
// scenarios/exercises/*.t are exercises' answers (the page adds "check"). Everything is
// escaped; no HTML from the source passes through.

export function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Inline markup of one line of text.
export function inline(text, link) {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((p) => {
      if (p.length > 1 && p.startsWith('`') && p.endsWith('`')) {
        return `<code>${escapeHtml(p.slice(1, -1))}</code>`;
      }
      let s = escapeHtml(p);
      s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt, src) => link.image(alt, src));
      s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => link.anchor(label, href));
      s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      s = s.replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
      return s;
    })
    .join('');
}

// Render a document. `link` maps links and images; `hooks.console(text, index)` and
// `hooks.code(text, lang)` render fenced blocks. Returns HTML.
export function render(md, link, hooks) {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  let i = 0;
  let consoleIndex = 0;
  const para = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '), link)}</p>`);
    para.length = 0;
  };
  while (i < lines.length) {
    const l = lines[i];
    const fence = l.match(/^\s*```(\w*)\s*$/);
    if (fence) {
      flush();
      const body = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i])) body.push(lines[i++]);
      i++;
      const text = body.join('\n') + '\n';
      out.push(fence[1] === 'console' ? hooks.console(text, consoleIndex++) : hooks.code(text, fence[1]));
      continue;
    }
    const h = l.match(/^(#{1,6})\s+(.*)$/);
    if (h) {
      flush();
      const n = h[1].length;
      const id = h[2].toLowerCase().replace(/[^\w\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '');
      out.push(`<h${n} id="h-${escapeHtml(id)}">${inline(h[2], link)}</h${n}>`);
      i++;
      continue;
    }
    if (/^\|/.test(l)) {
      flush();
      const rows = [];
      while (i < lines.length && /^\|/.test(lines[i])) rows.push(lines[i++]);
      const cells = (r) => r.replace(/^\||\|\s*$/g, '').split('|').map((c) => c.trim());
      const head = cells(rows[0]);
      const body = rows.slice(rows[1] && /^\|[\s:|-]+\|?\s*$/.test(rows[1]) ? 2 : 1);
      out.push(
        '<div class="table-wrap"><table><thead><tr>' +
          head.map((c) => `<th>${inline(c, link)}</th>`).join('') +
          '</tr></thead><tbody>' +
          body.map((r) => '<tr>' + cells(r).map((c) => `<td>${inline(c, link)}</td>`).join('') + '</tr>').join('') +
          '</tbody></table></div>',
      );
      continue;
    }
    if (/^>\s?/.test(l)) {
      flush();
      const q = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) q.push(lines[i++].replace(/^>\s?/, ''));
      out.push(`<blockquote>${render(q.join('\n'), link, hooks)}</blockquote>`);
      continue;
    }
    const item = l.match(/^(\s*)([-*]|\d+\.)\s+(.*)$/);
    if (item) {
      flush();
      const ordered = /\d/.test(item[2]);
      const items = [];
      while (i < lines.length) {
        const m = lines[i].match(/^(\s*)([-*]|\d+\.)\s+(.*)$/);
        if (m && m[1].length <= item[1].length) {
          items.push([m[3]]);
          i++;
        } else if (items.length && /^\s+\S/.test(lines[i]) && !/^\s*```/.test(lines[i])) {
          items[items.length - 1].push(lines[i].trim());
          i++;
        } else break;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>` + items.map((it) => `<li>${hooks.item ? hooks.item(it.join(' '), link) : inline(it.join(' '), link)}</li>`).join('') + `</${tag}>`);
      continue;
    }
    if (/^\s*$/.test(l)) {
      flush();
      i++;
      continue;
    }
    para.push(l.trim());
    i++;
  }
  flush();
  return out.join('\n');
}
