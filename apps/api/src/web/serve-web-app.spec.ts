import { withProductName } from './serve-web-app';

const INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <title>Phát triển đoàn viên – Thành lập CĐCS</title>
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('withProductName', () => {
  it('names the product in the title and in the meta the dashboard reads', () => {
    const html = withProductName(INDEX, 'Công đoàn tỉnh Thái Bình');
    expect(html).toContain('<title>Công đoàn tỉnh Thái Bình</title>');
    expect(html).toContain('<meta name="cdcs-product-name" content="Công đoàn tỉnh Thái Bình" />\n  </head>');
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it('escapes the name: it cannot close the attribute or add markup', () => {
    const html = withProductName(INDEX, `LĐLĐ "A" & <b>B</b>'s $& $1`);
    const escaped = 'LĐLĐ &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;&#39;s $&amp; $1';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`content="${escaped}"`);
    expect(html).not.toContain('<b>');
  });
});
