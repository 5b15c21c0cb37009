"""Lists of codes in query strings and options: "3.2,3.3, 3.4" -> ["3.2", "3.3", "3.4"]."""

from __future__ import annotations


def split_codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]
