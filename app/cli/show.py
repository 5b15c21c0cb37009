"""How the CLI shows things: counts with their noun, names, tables that fit the terminal.

Rich sizes every table to the console, which is the terminal's width (or COLUMNS, like
shutil.get_terminal_size; 80 when the output is not a terminal). When a table is too
wide, Rich narrows the columns that may wrap first: so text columns wrap (a word longer
than the column breaks across lines rather than being cut), and figure columns (codes,
levels, percentages, counts) never wrap and are never cut while the text can give way.
"""

from __future__ import annotations

import re

from rich.table import Column, Table

_WORD = re.compile(r"[a-z0-9]+")


def count(n: int, noun: str, nouns: str | None = None) -> str:
    """'1 family', '2 families', '0 roles': `nouns` when the plural is not noun + s."""
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def named(code: str, title: str) -> str:
    """'3.2 Programmer', but only 'Computers and Electronics' for the code
    'knowledge-computers-and-electronics': a code that spells its title adds nothing."""
    spelt = set(_WORD.findall(code.casefold()))
    return title if set(_WORD.findall(title.casefold())) <= spelt else f"{code} {title}"


def text(header: str) -> Column:
    """A column of words: wraps, and gives way first when the table is too wide."""
    return Column(header, overflow="fold")


def figure(header: str) -> Column:
    """A column of codes, levels or numbers: never wrapped, never cut short."""
    return Column(header, no_wrap=True)


def table(*columns: Column) -> Table:
    return Table(*columns)
