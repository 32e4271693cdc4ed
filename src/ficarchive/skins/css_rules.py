"""What the skin sanitizer (css.py) allows: the properties, functions, selectors and at-rules
a skin may use, with the reason given for what it may not. Data only."""

MAX_LENGTH = 40_000  # characters of CSS a skin may have
SCOPE = "workskin"  # the id of the box a work skin is confined to

PROPERTIES = frozenset(
    """
    color opacity background background-color background-image background-position
    background-position-x background-position-y background-repeat background-size
    background-clip background-origin
    border border-width border-style border-color border-top border-right border-bottom
    border-left border-top-width border-right-width border-bottom-width border-left-width
    border-top-style border-right-style border-bottom-style border-left-style
    border-top-color border-right-color border-bottom-color border-left-color
    border-radius border-top-left-radius border-top-right-radius border-bottom-left-radius
    border-bottom-right-radius border-collapse border-spacing
    box-shadow box-sizing outline outline-color outline-style outline-width outline-offset
    margin margin-top margin-right margin-bottom margin-left
    padding padding-top padding-right padding-bottom padding-left
    width height min-width max-width min-height max-height
    display float clear overflow overflow-x overflow-y visibility vertical-align
    position top right bottom left z-index
    font font-family font-size font-style font-variant font-weight
    line-height letter-spacing word-spacing white-space word-break overflow-wrap word-wrap
    hyphens text-align text-align-last text-decoration text-decoration-line
    text-decoration-color text-decoration-style text-indent text-shadow text-transform
    direction unicode-bidi writing-mode
    list-style list-style-type list-style-position list-style-image
    content quotes counter-reset counter-increment
    table-layout caption-side empty-cells
    flex flex-direction flex-wrap flex-flow flex-grow flex-shrink flex-basis justify-content
    align-items align-content align-self order gap row-gap column-gap
    grid-template-columns grid-template-rows grid-template-areas grid-column grid-row
    grid-area columns column-count column-width column-rule
    transform transform-origin
    """.split()
)
# The properties that may hold url(), for an image.
IMAGE_PROPERTIES = frozenset({"background", "background-image", "list-style", "list-style-image"})
# Properties that would move the #workskin box itself out of its place on the page, or (display:
# contents) take its box away, and with it the clipping that keeps what is inside it inside.
CONTAINER_LAYOUT = frozenset(
    {"position", "top", "right", "bottom", "left", "z-index", "float", "transform", "display",
     "margin", "margin-top", "margin-right", "margin-bottom", "margin-left"}
)  # fmt: skip
FUNCTIONS = frozenset(
    """
    rgb rgba hsl hsla calc min max clamp linear-gradient radial-gradient conic-gradient
    repeating-linear-gradient repeating-radial-gradient attr counter counters
    translate translatex translatey rotate scale scalex scaley skew skewx skewy matrix
    repeat minmax fit-content
    """.split()
)
VALUE_LITERALS = frozenset({",", "/", "+", "-", "*"})
PSEUDO_CLASSES = frozenset(
    """
    hover focus focus-within active link first-child last-child only-child first-of-type
    last-of-type only-of-type empty before after first-letter first-line
    """.split()
)
PSEUDO_ELEMENTS = frozenset(
    {"before", "after", "first-letter", "first-line", "marker", "selection"}
)
PSEUDO_FUNCTIONS = frozenset(
    {"not", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "lang", "dir"}
)
SELECTOR_LITERALS = frozenset({".", "*", ">", "+", "~", ":"})
COMBINATORS = frozenset({">", "+", "~"})
ATTRIBUTE_OPERATORS = frozenset({"=", "~=", "|=", "^=", "$=", "*="})

# Why a thing is refused, in words an author can act on.
WHY_PROPERTY = {
    "behavior": "behavior runs code in old browsers",
    "-moz-binding": "-moz-binding runs code in old browsers",
    "cursor": "cursor can load files from elsewhere",
}
WHY_FUNCTION = {
    "expression": "expression() runs script in old browsers",
    "url": "url() is allowed only for images, in background and list-style",
    "image-set": "image-set() can load files from elsewhere",
    "var": "custom properties and var() are not allowed",
    "env": "env() is not allowed",
}
WHY_AT_RULE = {
    "import": "@import loads another stylesheet",
    "font-face": "@font-face loads fonts from elsewhere",
    "namespace": "@namespace is not allowed",
    "charset": "@charset is not needed (skins are UTF-8)",
}
