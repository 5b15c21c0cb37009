"""What a screen's layout does to a person on a small screen, measured in the page.

`overflow` is how far the page scrolls sideways (0 when it fits). `covered_controls`
lists the visible controls whose centre, once scrolled into view the way the browser
brings a focused control into view, is painted by something else (a sticky bar, a
header): a control a person can see but cannot tap.
"""

from __future__ import annotations

from typing import Any

# At most this many controls are tried per page, evenly spread over it: a list of 894
# roles repeats one row's controls, and each try is a scroll and a layout.
SAMPLE = 150

# Each visible control is scrolled into view ("nearest", which honours scroll-padding),
# then hit-tested at the centre of its visible part: its first line for a wrapped link,
# its dot for a map node, the part inside its scrolling boxes for a wide one. A control
# shown only on focus (the skip link) is focused for the test.
_COVERED = """(sample) => {
  const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    + "[role=combobox], [tabindex]:not([tabindex='-1'])";
  const describe = (el) => {
    const text = (el.getAttribute("aria-label") || el.innerText || el.value || "")
      .trim().split("\\n")[0].slice(0, 50);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${text}"`;
  };
  const visiblePart = (el) => {
    const shape = el.namespaceURI === "http://www.w3.org/2000/svg"
      ? el.querySelector("circle, rect, path") ?? el : el;
    const first = shape.getClientRects()[0] ?? shape.getBoundingClientRect();
    let [left, top, right, bottom] = [first.left, first.top, first.right, first.bottom];
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflow === "visible") continue;
      const r = box.getBoundingClientRect();
      [left, top] = [Math.max(left, r.left), Math.max(top, r.top)];
      [right, bottom] = [Math.min(right, r.right), Math.min(bottom, r.bottom)];
    }
    [left, top] = [Math.max(left, 0), Math.max(top, 0)];
    [right, bottom] = [Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
    return right > left && bottom > top ? { x: (left + right) / 2, y: (top + bottom) / 2 } : null;
  };
  const under = (el) => {
    const at = visiblePart(el);
    if (!at) return null;  // nothing of it in view: not a control anyone sees here
    const hit = document.elementFromPoint(at.x, at.y);
    if (hit && (hit === el || el.contains(hit))) return null;
    if (hit && el.labels && [...el.labels].some((l) => l === hit || l.contains(hit))) return null;
    return hit ? describe(hit) : "nothing";
  };
  const all = [...document.querySelectorAll(CONTROLS)];
  const step = Math.max(1, all.length / sample);
  const tried = all.length <= sample
    ? all : Array.from({ length: sample }, (_, i) => all[Math.floor(i * step)]);
  const covered = [];
  for (const el of tried) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const size = el.getBoundingClientRect();
    if (size.width <= 1 || size.height <= 1) continue;  // visually hidden
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    let hit;
    if (visiblePart(el)) hit = under(el);
    else {
      el.focus();  // shown only when focused
      hit = under(el);
      el.blur();
    }
    if (hit) covered.push(`${describe(el)} under ${hit}`);
  }
  window.scrollTo(0, 0);
  return covered;
}"""


def overflow(page: Any) -> int:
    """Pixels the page scrolls sideways at the width the test set (a phone browser would
    otherwise widen its layout viewport to the content, hiding the overflow)."""
    width = page.viewport_size["width"]
    return int(page.evaluate("w => document.documentElement.scrollWidth - w", width))


def covered_controls(page: Any) -> list[str]:
    """The visible controls something else paints over, as 'control under cover' (at most
    SAMPLE controls tried, evenly spread)."""
    return list(page.evaluate(_COVERED, SAMPLE))
