"""One problem found in a package, for people (its message) and for machines (its parts)."""

from __future__ import annotations

from typing import Any


class Problem(str):
    """A problem's one-line message, as a string (so that callers that print or search
    messages keep working), with where it is (file, data row counted as Frictionless does,
    the header being row 1, and field) and what kind it is (`code`: Frictionless' error
    types, and ours for what Frictionless cannot check)."""

    code: str
    file: str | None
    row: int | None
    field: str | None

    def __new__(cls, message: str, code: str, file: str | None = None, row: int | None = None,
                field: str | None = None) -> "Problem":
        self = super().__new__(cls, message)
        self.code, self.file, self.row, self.field = code, file, row, field
        return self

    @property
    def message(self) -> str:
        return str(self)

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON object: file, row, field, code and message."""
        return {"file": self.file, "row": self.row, "field": self.field, "code": self.code, "message": self.message}


def as_dict(problem: str) -> dict[str, Any]:
    """Any problem message as a JSON object; a plain message has no place and code 'error'."""
    if isinstance(problem, Problem):
        return problem.as_dict()
    return {"file": None, "row": None, "field": None, "code": "error", "message": str(problem)}
