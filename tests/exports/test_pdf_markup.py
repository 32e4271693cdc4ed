"""The PDF renderer is given every kind of markup the sanitizer lets through."""

import io

import pypdf

EVERYTHING = """
<h1>Heading one</h1><h3>Heading three</h3><h6>Heading six</h6>
<p align="center">Centred line</p><center>Old centre</center><div align="right">Right</div>
<hr><p>Before rule</p><hr>
<blockquote><blockquote><p>Nested quote</p></blockquote></blockquote>
<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>
<ol start="3" type="i"><li>three</li><li>four</li></ol>
<dl><dt>Term</dt><dd>Definition</dd></dl>
<table><caption>Cap</caption><thead><tr><th>H1</th><th>H2</th></tr></thead>
<tbody><tr><td colspan="2">Cell <em>in</em> table</td></tr></tbody></table>
<pre>  preformatted
    text</pre><p><code>code</code> <kbd>kbd</kbd> <tt>tt</tt> x<sup>2</sup> H<sub>2</sub>O</p>
<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> <abbr title="t">abbr</abbr> <q>quote</q></p>
<details><summary>Spoiler</summary><p>Hidden text</p></details>
<p><img src="https://example.org/x.png" alt="A picture"> <a href="https://example.org">a link</a></p>
<p><s>struck</s> <u>under</u> <small>small</small> <big>big</big> <del>del</del> <ins>ins</ins></p>
<p>Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces</p>
<p>עברית · العربية · ελληνικά · 한국어 · ひらがな</p>
<p>Last paragraph.</p>
"""


def test_every_allowed_tag_renders_into_a_readable_pdf(client, author, make_work, fetch):
    work = make_work(author, body=EVERYTHING)
    response, data = fetch(client, work, "pdf")
    assert response.status_code == 200
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    for shown in ["Heading one", "Centred line", "Nested quote", "nested", "Definition",
                  "H1 H2", "Cell in table", "preformatted", "Hidden text", "a link", "struck",
                  "한국어", "ひらがな", "Last paragraph."]:  # fmt: skip
        assert shown in text, shown
