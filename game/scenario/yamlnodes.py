"""Hostile-input safe YAML: bytes in, a node tree with line/column marks out.

We never *construct* Python objects from YAML. The file is composed into
PyYAML's node tree (safe machinery only, libyaml when it is recent enough) and
the spec walks that tree itself: no tag can run code, every value keeps its
position for error messages, and ``16:00`` stays the text the author wrote
instead of YAML 1.1's sexagesimal integer 960.

Guards, each ending in one clean ``ScenarioError``:
- size: files over ``MAX_FILE_BYTES`` are refused from ``stat`` before reading,
  and the read itself is capped (``/dev/zero`` has size 0);
- encoding: UTF-16 (told to save as UTF-8), NUL bytes (binary) and invalid UTF-8 are refused;
- depth: libyaml >= 0.2.6 stops at 1000 levels by itself; older libyaml
  recursed in C without a limit, so we only use it from 0.2.6 on and otherwise
  use the pure-Python composer, whose ``RecursionError`` we catch;
- aliases: an alias is one shared node, so composing a "billion laughs" file is
  cheap, but walking it is not. Before walking, files that use aliases have
  their expanded size counted (linear in distinct nodes) and refused past
  ``MAX_EXPANDED_NODES``; recursive aliases are refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.errors import Diagnostic, ScenarioError

MAX_FILE_BYTES = 4 * 1024 * 1024  # bytes; larger files are refused before parsing
# A 4 MiB file holds at most ~2M values written out ("1," per value), so only
# aliases can take a document past this many nodes.
MAX_EXPANDED_NODES = 2_000_000

TAG = "tag:yaml.org,2002:"
STR_TAG = TAG + "str"
INT_TAG = TAG + "int"
FLOAT_TAG = TAG + "float"
BOOL_TAG = TAG + "bool"
NULL_TAG = TAG + "null"
MAP_TAG = TAG + "map"
SEQ_TAG = TAG + "seq"
# Tags the safe resolver gives plain scalars; anything else was written by hand.
PLAIN_SCALAR_TAGS = frozenset(
    TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")
)


def _libyaml_bounds_depth() -> bool:
    try:
        from yaml import _yaml
    except ImportError:
        return False
    return bool(yaml.__with_libyaml__) and tuple(_yaml.get_version()) >= (0, 2, 6)


# libyaml composes several times faster and keeps marks; see the module docstring for 0.2.6.
LOADER: type = yaml.CSafeLoader if _libyaml_bounds_depth() else yaml.SafeLoader


def read_limited(path: str | os.PathLike[str], source: str) -> bytes:
    """The file's bytes, refusing anything that is not a regular file of at most 4 MiB."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ScenarioError(source, [Diagnostic("no such file")]) from None
    except OSError as exc:
        raise ScenarioError(source, [Diagnostic(f"cannot read: {exc.strerror}")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise ScenarioError(source, [Diagnostic("is a folder, not a scenario file")])
    if not stat.S_ISREG(info.st_mode):
        raise ScenarioError(source, [Diagnostic("not a regular file")])
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(source, info.st_size)
    try:
        with Path(path).open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(source, [Diagnostic(f"cannot read: {exc.strerror}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(source, len(data))
    return data


def _too_big(source: str, size: int) -> ScenarioError:
    return ScenarioError(
        source,
        [
            Diagnostic(
                f"file is {size:,} bytes; scenario files are limited to "
                f"{MAX_FILE_BYTES // 2**20} MiB ({MAX_FILE_BYTES:,} bytes)",
                hint="refused before parsing",
            )
        ],
    )


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a leading BOM is allowed), or one clean error naming where it broke."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(source, len(data))
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(data):
        raise ScenarioError(source, [Diagnostic(
            "this file is saved as UTF-16 text; scenarios are UTF-8",
            hint="save it again as UTF-8: in most editors Save As, then Encoding UTF-8")])
    if b"\x00" in data:
        line, column = _line_col(data, data.index(b"\x00"))
        raise ScenarioError(
            source,
            [
                Diagnostic(
                    "contains NUL bytes: this is a binary file, not YAML text",
                    line, column, hint="save scenarios as UTF-8 text",
                )
            ],
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        raise ScenarioError(
            source,
            [
                Diagnostic(
                    f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
                    line, column, hint="save the file as UTF-8",
                )
            ],
        ) from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII text with a NUL beside every character."""
    head = data[:200]
    return len(head) >= 4 and any(half.count(0) == len(half) for half in (head[0::2], head[1::2]))


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (columns count bytes for bytes)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    offset = max(0, min(offset, len(data)))
    line_start = data.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return data.count(newline, 0, offset) + 1, offset - line_start + 1  # type: ignore[arg-type]


def compose(text: str, source: str) -> Node | None:
    """The document's node tree (None for an empty document), checked for alias bombs."""
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, source, text) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        raise ScenarioError(
            source, [Diagnostic(f"YAML: {exc.reason} (character #x{exc.character:04x})", line, column)]
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError(source, [Diagnostic(f"YAML: {exc}")]) from None
    except RecursionError:
        raise ScenarioError(
            source, [Diagnostic("YAML: nested too deeply", hint="scenarios need only a few levels")]
        ) from None
    if root is not None and "&" in text and "*" in text:
        _refuse_alias_bombs(root, source)
    return root


# What libyaml's terse complaints usually mean in a hand-written scenario.
SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "usually a ': ' inside text that needs quotes, or a line "
     "indented further than the lines around it"),
    ("did not find expected '-' indicator", "a line is indented less than the lines around it"),
    ("did not find expected key", "a line is indented differently from the fields around it, or "
     "text needs quotes"),
    ("tab character", "YAML does not allow tabs for indentation: use spaces"),
    ("found character '\\t'", "YAML does not allow tabs for indentation: use spaces"),
    ("found character that cannot start any token", "text that starts with ` or @ needs quotes"),
)


def _syntax_error(exc: yaml.MarkedYAMLError, source: str, text: str) -> ScenarioError:
    mark = exc.problem_mark or exc.context_mark
    plain = _plain_language(exc, text)
    if plain is not None:
        return ScenarioError(source, [plain])
    problem = exc.problem or exc.context or "not valid YAML"
    context = exc.context if exc.problem and exc.context else ""
    hint = next((h for key, h in SYNTAX_HINTS if key in problem), "")
    hint = "; ".join(part for part in (context, hint) if part)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return ScenarioError(source, [Diagnostic(f"YAML: {problem}", line, column, hint=hint)])


def _plain_language(exc: yaml.MarkedYAMLError, text: str) -> Diagnostic | None:
    """What a syntax error means in the two cases libyaml words worst: a quote never closed
    (it reports where the text ran into the next quote, lines later) and an apostrophe
    that closes single-quoted text early (it reports the word after it)."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        opening = exc.context_mark
        return _unclosed_quote(text[opening.index], opening.line, opening.column, None)
    mark = exc.problem_mark
    if mark is None:
        return None
    scalars = [token for token in _tokens_before(text, mark.line, mark.column)
               if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')]
    if not scalars:
        return None
    last = scalars[-1]
    start, end = last.start_mark, last.end_mark
    if start.line < end.line <= mark.line <= end.line + 1:
        return _unclosed_quote(last.style or '"', start.line, start.column, end.line + 1)
    line = text.split("\n", end.line + 1)[end.line]
    follows = line[end.column:end.column + 1]
    if last.style == "'" and end.line == mark.line and (follows.isalnum() or follows == "'"):
        return _early_apostrophe(line, start.column, end)
    return None


def _tokens_before(text: str, line: int, column: int) -> list[yaml.Token]:
    """The tokens a scanner finds before a 0-based position (the error's), in order."""
    tokens = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= (line, column):
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass  # the error itself: everything before it has been seen
    return tokens


def _unclosed_quote(quote: str, line: int, column: int, ran_to: int | None) -> Diagnostic:
    ran = f"; YAML read on to the next {quote} on line {ran_to}" if ran_to else ""
    return Diagnostic(f"the quote {quote} opened here is never closed", line + 1, column + 1,
                      hint=f"end the text with {quote} on this line{ran}")


def _early_apostrophe(line: str, start: int, end: yaml.Mark) -> Diagnostic:
    closing = line.rfind("'")
    inner = line[start + 1:closing] if closing > end.column else line[start + 1:end.column - 1]
    double = '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    doubled = "'" + inner.replace("'", "''") + "'"
    return Diagnostic(
        "an apostrophe inside single quotes ends the text early", end.line + 1, end.column,
        hint=f"use double quotes, {double}, or write the apostrophe twice, {doubled}",
    )


def _refuse_alias_bombs(root: Node, source: str) -> None:
    """Count the nodes the tree would have with every alias expanded, without expanding."""
    sizes: dict[int, int] = {}  # id(collection node) -> expanded node count
    open_nodes: set[int] = set()  # collections on the current path, to spot recursion
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if node.__class__ is ScalarNode:
            continue
        key = id(node)
        children = _children(node)
        if children_done:
            open_nodes.discard(key)
            size = 1 + sum(sizes.get(id(child), 1) for child in children)
            if size > MAX_EXPANDED_NODES:
                raise ScenarioError(
                    source,
                    [
                        Diagnostic(
                            f"aliases expand this document past {MAX_EXPANDED_NODES:,} values",
                            *mark(node),
                            hint="refused: this looks like an alias bomb",
                        )
                    ],
                )
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise ScenarioError(
                source,
                [Diagnostic("an alias refers to a collection that contains it", *mark(node),
                            hint="recursive data is not allowed")],
            )
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if child.__class__ is not ScalarNode)


def _children(node: Node) -> list[Node]:
    if node.__class__ is MappingNode:
        return [part for pair in node.value for part in pair]
    return list(node.value)


def mark(node: Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    start = node.start_mark
    return start.line + 1, start.column + 1


def child(node: Node, key: str) -> Node | None:
    """The value node under ``key`` in a mapping node (None if absent or not a mapping)."""
    if node.__class__ is MappingNode:
        pairs: list[tuple[Node, Node]] = node.value
        for key_node, value_node in pairs:
            if key_node.__class__ is ScalarNode and key_node.value == key:
                return value_node
    return None


def field_node(node: Node, key: str) -> Node:
    """The value node under ``key``, or the record's own node when the key is absent.

    Rules run on records whose fields are already valid, so a required field is there;
    falling back to the record keeps an error pointing at the right place either way.
    """
    value_node = child(node, key)
    return node if value_node is None else value_node


def key_node(node: Node, key: str) -> Node | None:
    """The key node itself (for errors about a key, such as an unreachable encounter node)."""
    if node.__class__ is MappingNode:
        for candidate, _ in node.value:
            if candidate.__class__ is ScalarNode and candidate.value == key:
                return candidate
    return None


def describe(node: Node) -> str:
    """What the author wrote, in words, for "expected X, got Y" messages."""
    tag = node.tag.replace(TAG, "!!", 1) if node.tag.startswith(TAG) else node.tag
    if node.__class__ is MappingNode:
        return "a mapping" if node.tag == MAP_TAG else f"a mapping tagged '{tag}'"
    if node.__class__ is SequenceNode:
        return "a list" if node.tag == SEQ_TAG else f"a list tagged '{tag}'"
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    value = "".join(char if char.isprintable() else repr(char)[1:-1] for char in value)  # one line
    words = {
        STR_TAG: f"text '{value}'",
        INT_TAG: f"the number {value}",
        FLOAT_TAG: f"the number {value}",
        BOOL_TAG: f"'{value}' (a yes/no value)",
        NULL_TAG: "nothing",
        TAG + "timestamp": f"the date {value}",
    }
    return words.get(node.tag, f"'{value}' tagged '{tag}'")


def is_foreign(node: Node) -> bool:
    """True when a tag was written by hand (``!!python/...``, ``!custom``): never allowed."""
    if node.__class__ is ScalarNode:
        return node.tag not in PLAIN_SCALAR_TAGS
    return node.tag != (MAP_TAG if node.__class__ is MappingNode else SEQ_TAG)


def is_plain(node: Node) -> bool:
    """True for an unquoted scalar (PyYAML marks it style None, libyaml style '')."""
    return node.__class__ is ScalarNode and not node.style


def block_char_mark(node: Node, text: str, row: int, column: int) -> tuple[int, int]:
    """1-based position of character ``column`` of line ``row`` inside a scalar.

    Exact for literal block scalars (``rows: |``), the way maps are written;
    any other style points at the scalar itself.
    """
    if node.__class__ is not ScalarNode or node.style != "|":
        return mark(node)
    lines = text.split("\n", node.end_mark.line + 1)
    first = node.start_mark.line + 1  # content starts on the line after the indicator
    content = [line for line in lines[first : node.end_mark.line + 1] if line.strip()]
    indent = len(content[0]) - len(content[0].lstrip(" ")) if content else 0
    return first + row + 1, indent + column + 1
