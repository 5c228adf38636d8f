// The same article as an HTML page (with the site's menu, breadcrumbs and footer around it, GBK-encoded)
// and as a DOCX, so the evaluation can show that the format does not change what is read.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function asHtmlPage(text: string, encoding: 'utf-8' | 'gbk' = 'gbk'): Uint8Array {
  const [title, ...lines] = text.split('\n');
  const body = lines
    .filter((l) => l.trim())
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  const page = `<!doctype html><html><head><meta charset="${encoding}"><title>${escapeHtml(title ?? '')} - 新闻中心</title></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/gov">政务</a> | <a href="/about">关于我们</a></nav>
<div class="crumbs">当前位置：首页 &gt; 新闻中心 &gt; 经济</div>
<article><h1>${escapeHtml(title ?? '')}</h1>
${body}
</article>
<aside><h3>热点推荐</h3><ul><li><a href="/a">全市召开安全生产工作会议</a></li><li><a href="/b">文明城市创建持续推进</a></li></ul></aside>
<footer>主办单位：市人民政府办公室 版权所有 备案号：0000000 联系我们 网站地图</footer></body></html>`;
  return encoding === 'gbk' ? iconv.encode(page, 'gbk') : Buffer.from(page, 'utf8');
}

export async function asDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
