"""Refuse report and appeal status values written as string literals outside the models (run by `make lint`).

A status is one of the models' TextChoices (reporting.models.ReportStatus, appeals.models.AppealStatus); code
that writes `status="published"` or `report.status == "closed"` would go on compiling when a value is renamed
and quietly stop matching. This check reads every product module with Python's ast and fails, with file:line
and the TextChoices member to use, on a status value given as a literal:

- a keyword argument: `filter(status="closed")`, `update(status=...)`, `Q(appeal__status__in=["draft"])`
- a comparison: `appeal.status == "published"`, `status != "closed"`, `report.status in ("received",)`
- an assignment or a default: `report.status = "closed"`, `status: str = "published"`, `def f(status="draft")`
- a dict entry: `{"status": "published"}` (as in `defaults=` or `**filters`)

Models, migrations, fixtures and tests may spell the values out (a migration freezes them; a test may check
the stored value). So may a module that imports no Django: the pure matching core (intelligence's linking)
may not import the models, so it cannot use their TextChoices and keeps its own copy of the values. The values
are read from the models' source, so the check needs no Django.

    python .ci/lint_status_literals.py [paths...]      # default: the whole tree
"""

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATUS_ENUMS = {"reporting/models.py": "ReportStatus", "appeals/models/choices.py": "AppealStatus"}
SKIP_DIRS = {".venv", "node_modules", "migrations", "tests", "fixtures", "staticfiles", "var", ".git", "__pycache__"}
SKIP_FILES = {"models.py", "conftest.py"}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    value: str
    members: tuple[str, ...]

    def __str__(self) -> str:
        use = " or ".join(self.members)
        return f"{self.path}:{self.line}: status literal {self.value!r}: use the TextChoices member ({use})"


def status_values(root: Path = ROOT) -> dict[str, tuple[str, ...]]:
    """Each status value and the TextChoices members that have it, e.g. 'closed' -> ReportStatus.CLOSED, ..."""
    values: dict[str, list[str]] = {}
    for relative, enum in STATUS_ENUMS.items():
        tree = ast.parse((root / relative).read_text(), filename=relative)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == enum:
                for statement in node.body:
                    if (
                        isinstance(statement, ast.Assign)
                        and len(statement.targets) == 1
                        and isinstance(statement.targets[0], ast.Name)
                        and isinstance(statement.value, ast.Tuple)
                        and statement.value.elts
                        and isinstance(statement.value.elts[0], ast.Constant)
                        and isinstance(statement.value.elts[0].value, str)
                    ):
                        value = statement.value.elts[0].value
                        values.setdefault(value, []).append(f"{enum}.{statement.targets[0].id}")
    if not values:
        raise SystemExit(f"No status values found in {', '.join(STATUS_ENUMS)}: has a TextChoices class moved?")
    return {value: tuple(members) for value, members in values.items()}


def _is_status_name(name: str | None) -> bool:
    """`status`, `status__in`, `appeal__status`, `report__appeal__status__in`: a lookup on a status field."""
    if not name:
        return False
    parts = name.split("__")
    if parts[-1] in {"in", "exact", "iexact"}:
        parts = parts[:-1]
    return bool(parts) and parts[-1] == "status"


def _is_status_target(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "status") or (
        isinstance(node, ast.Name) and node.id == "status"
    )


def _literals(node: ast.expr | None) -> Iterator[ast.Constant]:
    """String constants given directly or in a list, tuple or set display."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        for element in node.elts:
            yield from _literals(element)


def _status_literals(tree: ast.AST) -> Iterator[ast.Constant]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if _is_status_name(keyword.arg):
                    yield from _literals(keyword.value)
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_status_target(operand) for operand in operands):
                for operand in operands:
                    yield from _literals(operand)
        elif isinstance(node, ast.Assign):
            if any(_is_status_target(target) for target in node.targets):
                yield from _literals(node.value)
        elif isinstance(node, ast.AnnAssign):
            if _is_status_target(node.target):
                yield from _literals(node.value)
        elif isinstance(node, ast.arguments):
            positional = [*node.posonlyargs, *node.args]
            defaults = list(zip(positional[len(positional) - len(node.defaults) :], node.defaults, strict=True))
            defaults += [(arg, d) for arg, d in zip(node.kwonlyargs, node.kw_defaults, strict=True) if d is not None]
            for arg, default in defaults:
                if _is_status_name(arg.arg):
                    yield from _literals(default)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and _is_status_name(key.value):
                    yield from _literals(value)


def imports_django(tree: ast.AST) -> bool:
    """True when the module imports Django or a models module, and so can import the models' TextChoices."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            alias.name.split(".")[0] == "django" or "models" in alias.name.split(".") for alias in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            if (node.level == 0 and parts[0] == "django") or "models" in parts:
                return True
    return False


def check_source(source: str, path: str, values: dict[str, tuple[str, ...]]) -> list[Violation]:
    tree = ast.parse(source, filename=path)
    if not imports_django(tree):
        return []
    found = {
        (literal.lineno, literal.value): Violation(path, literal.lineno, literal.value, values[literal.value])
        for literal in _status_literals(tree)
        if literal.value in values
    }
    return [found[key] for key in sorted(found)]


def _shown(path: Path) -> Path:
    """The path as reported: relative to the tree when it is in it."""
    resolved = path.resolve()
    return resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else resolved


def product_modules(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for candidate in candidates:
            parts = _shown(candidate).parts
            if candidate.name in SKIP_FILES or SKIP_DIRS & set(parts[:-1]) or ".ci" in parts[:-1]:
                continue
            yield candidate


def main(argv: list[str]) -> int:
    values = status_values()
    paths = [Path(arg).resolve() for arg in argv] or [ROOT]
    violations = [
        violation
        for module in product_modules(paths)
        for violation in check_source(module.read_text(), str(_shown(module)), values)
    ]
    for violation in violations:
        print(violation)
    if violations:
        print(
            f"{len(violations)} status literal(s): compare and set statuses with the TextChoices members "
            "(reporting.models.ReportStatus, appeals.models.AppealStatus), never their string values."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
