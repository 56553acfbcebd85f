"""A relation's equation over named slots, evaluated with interval arithmetic and solvable for any slot.

``"change = (new / old - 1) * 100"``: the left side is one slot; the right side an expression of the other
slots with ``+ - * /``, numbers and parentheses, each slot used once (so evaluating it on intervals gives the
exact range). Solving for a slot on the right inverts the operations on the path to it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from factcheck.intervals import Interval

_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div)


class EquationError(ValueError):
    pass


@dataclass(frozen=True)
class Equation:
    text: str
    lhs: str
    rhs: ast.expr
    slots: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Equation:
        left, sep, right = text.partition("=")
        if not sep or not left.strip().isidentifier():
            raise EquationError(f"equation must read 'slot = expression': {text!r}")
        try:
            rhs = ast.parse(right.strip(), mode="eval").body
        except SyntaxError as exc:
            raise EquationError(f"bad equation {text!r}: {exc.msg}") from None
        names: list[str] = []
        for node in ast.walk(rhs):
            if isinstance(node, ast.Name):
                names.append(node.id)
            elif isinstance(node, ast.BinOp):
                if not isinstance(node.op, _OPS):
                    raise EquationError(f"only + - * / are allowed: {text!r}")
            elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
                pass
            elif not isinstance(node, (ast.Constant, ast.operator, ast.unaryop, ast.expr_context)):
                raise EquationError(f"unsupported term in {text!r}")
        if len(names) != len(set(names)):
            raise EquationError(f"each slot may appear once: {text!r}")
        lhs = left.strip()
        if lhs in names:
            raise EquationError(f"{lhs} on both sides: {text!r}")
        return cls(text, lhs, rhs, (lhs, *names))

    def solve(self, slot: str, values: dict[str, Interval]) -> Interval:
        """The interval of ``slot`` that the equation gives from the other slots' ``values``."""
        if slot == self.lhs:
            return _eval(self.rhs, values)
        return _solve(self.rhs, slot, values[self.lhs], values)


def _eval(node: ast.expr, values: dict[str, Interval]) -> Interval:
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.Constant):
        return Interval.point(float(node.value))
    if isinstance(node, ast.UnaryOp):
        return -_eval(node.operand, values)
    assert isinstance(node, ast.BinOp)
    a, b = _eval(node.left, values), _eval(node.right, values)
    if isinstance(node.op, ast.Add):
        return a + b
    if isinstance(node.op, ast.Sub):
        return a - b
    if isinstance(node.op, ast.Mult):
        return a * b
    return a / b


def _has(node: ast.expr, slot: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == slot for n in ast.walk(node))


def _solve(node: ast.expr, slot: str, want: Interval, values: dict[str, Interval]) -> Interval:
    """The value of ``slot`` that makes ``node`` equal ``want``."""
    if isinstance(node, ast.Name):
        return want
    if isinstance(node, ast.UnaryOp):
        return _solve(node.operand, slot, -want, values)
    assert isinstance(node, ast.BinOp)
    left_has = _has(node.left, slot)
    inner, other = (node.left, node.right) if left_has else (node.right, node.left)
    o = _eval(other, values)
    op = node.op
    if isinstance(op, ast.Add):
        need = want - o
    elif isinstance(op, ast.Sub):
        need = want + o if left_has else o - want
    elif isinstance(op, ast.Mult):
        need = want / o
    else:
        need = want * o if left_has else o / want
    return _solve(inner, slot, need, values)
