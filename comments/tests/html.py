"""Just enough of a DOM to read a page as a reader would: elements by id and class, and their text."""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, cls=None):
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def find(self, tag=None, cls=None):
        found = self.find_all(tag, cls)
        return found[0] if found else None

    def by_id(self, element_id):
        return next((e for e in self.iter() if e.attrs.get("id") == element_id), None)

    @property
    def text(self):
        return "".join(c if isinstance(c, str) else c.text for c in self.children)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#document", [])

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html) -> Element:
    builder = _Builder()
    builder.feed(html if isinstance(html, str) else html.decode())
    return builder.root


def discussion(response):
    return parse(response.content).by_id("comments")


def heading_number(section) -> int:
    text = " ".join(section.by_id("comments-heading").text.split())
    match = re.match(r"(\d+) r", text)
    return int(match.group(1)) if match else 0


def shown_comments(section):
    """The comments a reader sees in the thread: not the placeholders, not their own held ones."""
    thread = section.find("ol", "comment-list")
    return [li for li in thread.find_all("li", "comment") if "comment--approved" in li.classes] if thread else []
