"""The answer's shape: where it covers each part of its kind's recommended shape, and in which order.

The parts are data (``shape`` in kinds.toml); each part id names a finder
registered with ``@part``. The career-goals article's parts are found here;
other kinds register theirs beside their rules (crit_star.py, crit_intro.py).
"""

from __future__ import annotations

from simulator.content.rules import PARTS, part
from simulator.content.types import StructurePart


def structure(ctx, shape) -> tuple[list[StructurePart], bool]:
    """Each part of ``shape`` (kinds.ShapePart) as found in the answer, and whether the answer keeps its order.

    An answer keeps the order when it opens with the shape's first part: the career-goals article's own worked
    example tells its past evidence before its plan, so the order of the later parts is left free.
    """
    spans = {p.part: PARTS[p.part](ctx) for p in shape}
    quotes = {name: ctx.parsed.evidence(*s) for name, s in spans.items() if s is not None}
    # parts whose quoted phrases open on the same word share a place: "My goal for the next two years is to become …"
    # is the goal and the timeline at once, however far into the phrase each part's own words begin
    opens = {name: ctx.parsed.whole(*s)[0] for name, s in spans.items() if s is not None}
    starts = sorted(set(opens.values()))
    rank = {name: starts.index(at) + 1 for name, at in opens.items()}
    parts = [
        StructurePart(
            part=p.part, label=p.label, found=p.part in quotes, order=rank.get(p.part), evidence=quotes.get(p.part)
        )
        for p in shape
    ]
    return parts, bool(shape) and rank.get(shape[0].part) == 1  # the first part opens, alone or sharing its sentence


def _career_spans(ctx) -> dict[str, tuple[int, int] | None]:
    """The article's parts: goal -> plan -> past evidence -> next milestone -> timeline."""
    main = ctx.goals.main
    steps = ctx.steps
    done = [a for a in ctx.accomplishments if a.specific or a.kind == "learned"] or ctx.accomplishments
    dated = [s for s in steps if s.time is not None and s.concrete]
    next_step = min(dated, key=lambda s: s.span[0]) if dated else None
    plan = next((s for s in steps if s is not next_step), None) or (steps[0] if steps and not next_step else None)
    times = [t for t in ctx.times if t.upcoming and not t.vague and not t.frequency]
    horizon = [t for t in times if not (next_step and next_step.time is t)]
    sent = ctx.doc[main.start].sent if main else None
    in_goal = [t for t in horizon if sent is not None and sent.start <= t.start < sent.end]  # "my goal for 2 years"
    when = (in_goal or horizon or times or [None])[-1]
    return {
        "goal": (main.start, main.end) if main else None,
        "plan": plan.span if plan else None,
        "past_evidence": done[0].span if done else None,
        "next_milestone": next_step.span if next_step else None,
        "timeline": (when.start, when.end) if when else None,
    }


def _career_part(name: str):
    def find(ctx) -> tuple[int, int] | None:
        return _career_spans(ctx)[name]

    find.__qualname__ = f"career_part.{name}"
    return find


for _name in ("goal", "plan", "past_evidence", "next_milestone", "timeline"):
    part(_name)(_career_part(_name))
