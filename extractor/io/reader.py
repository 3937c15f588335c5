"""Bytes to text: read a press release from a file or stdin and decode it.

Encodings: UTF-8 with or without a byte-order mark, UTF-16 (and UTF-32) with a byte-order mark,
and the legacy Russian single-byte encodings (CP1251, KOI8-R, MacCyrillic, CP866), which are told
apart by scoring how Russian each decoding looks. ``encoding=`` forces a codec instead.

The returned text is exactly the decoded text except that:

* a leading byte-order mark is removed;
* every ``"\\r\\n"`` and lone ``"\\r"`` is turned into ``"\\n"``;
* HTML input (``.html``/``.htm``/``.xhtml``, or text starting as a page, XHTML or a fragment
  such as ``<p>...</p>``) is replaced by its main text (trafilatura: no menus, navigation,
  footers), and its date is kept beside it, see ``io.html``.

All character offsets produced downstream refer to this normalised text.

Every failure is a :class:`ReadError` with a ``kind`` and a one-line ``message`` naming the source.

Limits: a file is read up to :data:`MAX_INPUT_BYTES`, and its text (after HTML is reduced to its
main text) may have up to :data:`MAX_TEXT_CHARS` characters; beyond either, ``too_large``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import math
import os
import re
import stat
from collections.abc import Callable
from typing import BinaryIO, NamedTuple

from extractor.io.errors import ReadError, ReadErrorKind, display_name
from extractor.io.html import is_html, page

__all__ = [
    "Decoded",
    "ReadError",
    "check_encoding",
    "decode_bytes",
    "read_path",
    "read_stdin",
    "read_document",
    "read_stdin_document",
    "html_to_text",
    "normalize_newlines",
    "DEFAULT_MAX_BYTES",
    "MAX_INPUT_BYTES",
    "MAX_TEXT_CHARS",
]

# Bytes read from one input at most: an HTML page is larger than its text (a 10 MB page is read
# in about a second and takes about 100 MB more memory while trafilatura holds its tree).
MAX_INPUT_BYTES = 20_000_000
DEFAULT_MAX_BYTES = MAX_INPUT_BYTES
# Characters of text one document may have: the pipeline holds about 100 bytes per character
# (2,000,000 characters: about 200 MB on top of the models) and tags about 70,000 characters a
# second, so the largest document finishes inside the default time limit of 60 s.
MAX_TEXT_CHARS = 2_000_000

Warn = Callable[[str], None]  # receives a one-line warning about an input that is still read


def _err(kind: ReadErrorKind, source: str, what: str) -> ReadError:
    return ReadError(kind, f"{display_name(source)}: {what}", source)


# --------------------------------------------------------------------------- legacy detection

# Relative frequency (per cent) of letters in Russian prose.
_RU_FREQ = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.2,
}  # fmt: skip
_LETTER_SCORE = {ch: math.log(f) for ch, f in _RU_FREQ.items()}
# Non-ASCII punctuation a Russian text plausibly contains: common, and rarer.
_PUNCT = {ch: -0.5 for ch in "«»–—№“”„…‘’\u00a0"} | {ch: -2.5 for ch in "•·°±§©®™€"}
_FOREIGN_LETTER = -4.0  # non-Russian Cyrillic or Latin letters with diacritics
_JUNK = -6.0  # box drawing, control characters, odd symbols
_CASE_FLIP = -6.0  # a capital right after a small letter: «пРИВЕТ» is what mojibake looks like
_ODD_WORD = -4.0  # a word starting with ь/ъ/ы, or a lower-case word of 3+ letters without a vowel
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = set("аеёиоуыэюя")

# Tried in this order; on a tie the earlier one wins.
_LEGACY = ("cp1251", "koi8_r", "mac_cyrillic", "cp866")
_SAMPLE_BYTES = 256_000  # scoring looks at this much; the chosen codec then decodes everything
# Share of junk among the non-ASCII characters of the best decoding above which the bytes are
# no legacy Cyrillic text at all (charset-normalizer gets them).
_MAX_JUNK_SHARE = 0.3


def _russianness(text: str) -> tuple[float, float]:
    """Score the non-ASCII part of `text`; returns (score, share of junk characters)."""
    score = 0.0
    junk = 0
    seen = 0
    prev = ""
    for ch in text:
        if ch < "\x80":
            prev = ch
            continue
        seen += 1
        low = ch.lower()
        if low in _LETTER_SCORE:
            score += _LETTER_SCORE[low]
            if ch != low and prev.isalpha() and prev.islower():  # capitals alone say nothing
                score += _CASE_FLIP
        elif ch in _PUNCT:
            score += _PUNCT[ch]
        elif ch.isalpha():
            score += _FOREIGN_LETTER
        else:
            score += _JUNK
            junk += 1
        prev = ch
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if word[0] in "ьъыЬЪЫ":
            score += _ODD_WORD
        elif len(word) >= 3 and word.islower() and not _VOWELS.intersection(word):
            score += _ODD_WORD
    return score, (junk / seen if seen else 0.0)


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """Best (text, codec) among the legacy Cyrillic encodings, or None if none looks like text."""
    sample = data[:_SAMPLE_BYTES]
    scored: list[tuple[float, int, float, str]] = []
    for order, codec in enumerate(_LEGACY):
        try:
            score, junk = _russianness(sample.decode(codec))
        except UnicodeDecodeError:
            continue
        scored.append((-score, order, junk, codec))
    for _, _, junk, codec in sorted(scored):
        if junk > _MAX_JUNK_SHARE:
            return None
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:  # a byte the codec lacks beyond the sample
            continue
    return None


def _detect_other(data: bytes) -> tuple[str, str] | None:
    """Last resort for non-Cyrillic legacy text: whatever charset-normalizer finds."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    match = from_bytes(data).best()
    if match is None or not match.encoding:
        return None
    return str(match), match.encoding


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc except \t\n\v\f\r
_CONTROL_SHARE = 0.05


def _decode_with(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        byte = f"byte 0x{bad.hex()}" if bad else "truncated input"
        raise _err(
            "decode", source, f"cannot decode as {codec}: invalid {byte} at offset {exc.start}"
        ) from None
    except UnicodeError as exc:  # a codec that decodes nothing ('undefined')
        raise _err("decode", source, f"cannot decode as {codec}: {exc}") from None
    except LookupError:
        raise _err("decode", source, f"'{codec}' is not a text encoding") from None


def check_encoding(name: str) -> str:
    """The codec's canonical name when `name` is a text encoding that decodes text; ValueError
    with a one-line reason otherwise (unknown, bytes-to-bytes like ``base64``, ``undefined``)."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    if not getattr(codec, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding")
    try:
        b"text".decode(codec.name)
    except Exception as exc:  # any codec may fail in its own way
        raise ValueError(f"{name!r} cannot decode text ({exc})") from None
    return codec.name


# Text that is not strict UTF-8 is still read as UTF-8 (bad bytes replaced) when its valid
# multi-byte characters outnumber the invalid bytes this many times: legacy Cyrillic read as UTF-8
# has nearly none (at most one for every four bad bytes, in CP866), so it never passes for UTF-8.
UTF8_MAJORITY = 4
_BAD_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte, under surrogateescape


def _mostly_utf8(data: bytes, source: str, codec: str, warn: Warn | None) -> str | None:
    """`data` as UTF-8 with each invalid byte replaced by U+FFFD (and a warning), when it is
    UTF-8 but for a few bad bytes; None when it is not UTF-8."""
    text = data.decode(codec, "surrogateescape")
    bad = len(_BAD_BYTE.findall(text))
    valid = sum(1 for ch in text if ch > "\x7f") - bad
    if valid < UTF8_MAJORITY * bad:
        return None
    if warn is not None:
        plural = "byte" if bad == 1 else "bytes"
        warn(f"{display_name(source)}: {bad} invalid UTF-8 {plural} replaced with U+FFFD")
    return _BAD_BYTE.sub("\ufffd", text)


def _check_text(text: str, source: str) -> None:
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    if text and controls / len(text) > _CONTROL_SHARE:
        raise _err("binary", source, "looks like a binary file (too many control characters)")
    if not text.strip():
        raise _err("empty", source, "file is empty" if source != "-" else "input is empty")


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, source: str, encoding: str | None = None, warn: Warn | None = None) -> str:
    """Decode `data` (read from `source`, used in messages; "-" is stdin) into normalised text.

    Without `encoding`: a byte-order mark decides; otherwise UTF-8 (a few invalid bytes are
    replaced by U+FFFD, with a warning to `warn`); otherwise the most Russian-looking of
    CP1251/KOI8-R/MacCyrillic/CP866. With `encoding`: that codec, strictly.
    Does not convert HTML (see :func:`read_path`/:func:`read_stdin`).
    """
    if not data:
        raise _err("empty", source, "file is empty" if source != "-" else "input is empty")

    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise _err("decode", source, f"unknown encoding '{encoding}'") from None
        text = _decode_with(data, codec, source)
    else:
        text = _auto_decode(data, source, warn)

    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, source)
    return normalize_newlines(text)


def _auto_decode(data: bytes, source: str, warn: Warn | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _utf8(data, source, codec, warn) if codec == "utf-8-sig" else _decode_with(data, codec, source)
    if b"\x00" in data:
        raise _err("binary", source, "looks like a binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data, source, "utf-8", warn)
    if mostly is not None:
        return mostly
    found = _detect_legacy(data) or _detect_other(data)
    if found is None:
        raise _err("decode", source, "cannot detect the text encoding; pass the encoding explicitly")
    return found[0]


def _utf8(data: bytes, source: str, codec: str, warn: Warn | None) -> str:
    """UTF-8 announced by its byte-order mark: strictly, or mostly, or a decode error."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data, source, codec, warn)
    return mostly if mostly is not None else _decode_with(data, codec, source)


# --------------------------------------------------------------------------- HTML


def html_to_text(html: str) -> str:
    """Main text of an HTML page (see ``io.html``): the article's headings and paragraphs without
    menus, navigation, headers, footers, scripts or styles; one line per paragraph; a lead the
    page sets apart comes first."""
    return page(html).text


class Decoded(NamedTuple):
    """An input as text, and what its HTML page says beside the text: the release's date."""

    text: str
    date: dt.date | None = None


def _finish(text: str, source: str, max_chars: int) -> Decoded:
    date = None
    if is_html(text, source):
        text, date = page(text)
        if not text.strip():
            raise _err("empty", source, "HTML page has no main text")
    if len(text) > max_chars:
        raise _err("too_large", source, f"text is {len(text)} characters, more than the limit of {max_chars}")
    return Decoded(text, date)


# --------------------------------------------------------------------------- sources


def read_path(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    *,
    source: str | None = None,
    warn: Warn | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> str:
    """Read and decode a file; HTML files become their main text. `source` is the name used in
    messages (default: the path); `warn` receives one-line warnings (bytes replaced)."""
    return read_document(path, encoding, max_bytes, source=source, warn=warn, max_chars=max_chars).text


def read_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    *,
    source: str | None = None,
    warn: Warn | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Decoded:
    """:func:`read_path`, with the release's date when an HTML page states it."""
    path = os.fspath(path)
    source = path if source is None else source
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _err("not_found", source, "no such file") from None
    except NotADirectoryError:
        raise _err("not_found", source, "no such file (a parent is not a directory)") from None
    except OSError as exc:
        raise _err("unreadable", source, f"cannot access: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise _err("unreadable", source, "is a directory, not a file")
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise _err("too_large", source, f"file is {st.st_size} bytes, more than the limit of {max_bytes}")
    try:
        # not a regular file (a FIFO, a device): it may never end; the caller's time limit holds
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise _err("not_found", source, "no such file") from None
    except IsADirectoryError:
        raise _err("unreadable", source, "is a directory, not a file") from None
    except OSError as exc:
        raise _err("unreadable", source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _err("too_large", source, f"file is larger than the limit of {max_bytes} bytes")
    return _finish(decode_bytes(data, source, encoding, warn), source, max_chars)


def read_stdin(
    stream: BinaryIO,
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    *,
    warn: Warn | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> str:
    """Read and decode all of `stream` (normally ``sys.stdin.buffer``); source name is "-".

    A text stream is accepted too: its text is used as is (apart from newline and HTML handling).
    """
    return read_stdin_document(stream, encoding, max_bytes, warn=warn, max_chars=max_chars).text


def read_stdin_document(
    stream: BinaryIO,
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    *,
    warn: Warn | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Decoded:
    """:func:`read_stdin`, with the release's date when an HTML page states it."""
    source = "-"
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise _err("unreadable", source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _err("too_large", source, f"input is larger than the limit of {max_bytes} bytes")
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
        _check_text(text, source)
        text = normalize_newlines(text)
    else:
        text = decode_bytes(data, source, encoding, warn)
    return _finish(text, source, max_chars)
