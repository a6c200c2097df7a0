#!/usr/bin/env python3
"""Checks a text comparison table read from standard input (tests/cli/compare.t).

Prints one line per problem and exits 1 when there is any:
- more than one table (a second top rule), or a line wider than WIDTH;
- a cell that breaks a word which would have fitted its column: a line that
  ends in a hyphen must be a piece of a word longer than the column's width
  (only a word longer than the column may be broken, and it shows a hyphen).
A cell is the text between two vertical bars; its width is the space
between them less the padding.  Usage: table-cells.py WIDTH < table.txt
"""
import sys
import unicodedata


def cols(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


def main():
    width = int(sys.argv[1])
    lines = sys.stdin.read().split("\n")
    problems = []
    if sum(1 for l in lines if l.startswith("┌")) != 1:
        problems.append("expected exactly one table, found %d" % sum(1 for l in lines if l.startswith("┌")))
    for n, l in enumerate(lines, 1):
        if cols(l) > width:
            problems.append("line %d is %d columns wide: %s" % (n, cols(l), l))
    # Rows of cells: lines that start with a bar and hold more than two bars.
    rows = [l for l in lines if l.startswith("│") and l.count("│") > 2]
    for i, l in enumerate(rows):
        cells = l.split("│")[1:-1]
        for c, cell in enumerate(cells):
            text = cell[1:-1]  # the padding
            inner = text.rstrip()
            if not inner.endswith("-") or i + 1 >= len(rows):
                continue
            below = rows[i + 1].split("│")[1:-1]
            if len(below) != len(cells):
                continue
            # A group letter ("a ") or the blanks under it take two columns
            # of the cell; the letter is not part of the word.
            room = cols(text)
            if len(text) > 2 and text[1] == " " and text[2] != " " and (text[0] == " " or text[0].islower()):
                room -= 2
            piece = inner.split()[-1][:-1]
            rest = below[c][1:-1].strip().split()
            if not rest:
                continue
            word = piece + rest[0]
            if cols(word) <= room:
                problems.append("row line %d, cell %d breaks '%s' (%d columns) in a cell %d wide"
                                % (i + 1, c + 1, word, cols(word), room))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
