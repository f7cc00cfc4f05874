"""Typed bodies of the explorer's POST and PATCH requests.

A malformed body (a filter that is not an object, a date given as a list, NaN, `customer: 5`,
an id beyond 64 bits, an unknown key) is a 422 naming the field, never a 500. A single string
where a list is expected is one value: `{"customer": "abc"}` filters on "abc".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
    StringConstraints,
)

from tracetopics_pipeline.core.names import MAX_LABEL, name_problem
from tracetopics_pipeline.explorer.actions import REVIEW_STATUSES
from tracetopics_pipeline.explorer.filters import TraceFilter, parse_filter

INT32 = 2**31  # topic ids are INTEGER in the warehouse
MAX_NOTE = 10_000


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


def _visible(value: str) -> str:
    """A typed name by the one rule (core/names.py): no unseen characters, a letter or digit."""
    problem = name_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


Name = Annotated[StrictStr, StringConstraints(max_length=500)]
Names = Annotated[list[Name], BeforeValidator(_one_or_many), Field(max_length=10_000)]
TopicId = Annotated[int, Field(ge=-INT32, lt=INT32)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class FilterBody(Body):
    """The filter every view shares, in the query string's shape (docs/explorer.md)."""

    date_from: date | None = None
    date_to: date | None = None
    customer: Names = []
    plan_tier: Names = []
    label: Names = []  # Facet:label
    topic: Names = []  # Facet:topic id
    trace_id: Names = []

    def to_filter(self) -> TraceFilter:
        return parse_filter(
            date_from=self.date_from.isoformat() if self.date_from else None,
            date_to=self.date_to.isoformat() if self.date_to else None,
            customer=self.customer,
            plan_tier=self.plan_tier,
            label=self.label,
            topic=self.topic,
            trace_id=self.trace_id,
        )


class ClusterBody(Body):
    filter: FilterBody = FilterBody()
    facet: Name = "Task"
    max_traces: Annotated[int, Field(ge=1, le=20_000)] = 5000


class ScopedBody(Body):
    """A filter, optionally narrowed to one topic: a map's (facet and topic_id together) or a
    saved subset's (`subset`, its name, and `subset_topic`; the subset alone: all its traces)."""

    filter: FilterBody = FilterBody()
    facet: Name | None = None
    topic_id: TopicId | None = None
    subset: Name | None = None
    subset_topic: TopicId | None = None


class ExportBody(ScopedBody):
    name: Annotated[StrictStr, StringConstraints(max_length=200)] | None = None  # slugged
    description: Annotated[StrictStr, StringConstraints(max_length=2_000)] | None = None


class SubsetSaveBody(Body):
    """Keep the clustering a `POST /api/cluster` answered (its `token`) under a name."""

    name: Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1,
                                                 max_length=200)]  # fmt: skip
    token: Annotated[StrictStr, StringConstraints(max_length=64)]


class ReviewBody(ScopedBody):
    # A person: a name or an e-mail address, not markup or a paragraph (review rv6 E3: an
    # "<img ...>" assignee was stored, shown escaped, and widened the queue's picker).
    # Nor characters that print unseen or reorder the row (review rv7 L1: U+202E, zero-width).
    assignee: Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1,
                                                     max_length=80, pattern=r"^[^<>\x00-\x1f]+$"),
                        AfterValidator(_visible)]  # fmt: skip
    note: Annotated[StrictStr, StringConstraints(max_length=MAX_NOTE)] | None = None
    limit: Annotated[int, Field(ge=1, le=500)] = 50


class ReviewUpdate(Body):
    status: Literal[REVIEW_STATUSES] | None = None  # type: ignore[valid-type]
    note: Annotated[StrictStr, StringConstraints(max_length=MAX_NOTE)] | None = None


class TopicRef(Body):
    """One topic of a facet's maps (a parent or a subtopic: one id space per facet)."""

    facet: Name
    topic_id: TopicId


class RenameBody(TopicRef):
    label: Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1,
                                                  max_length=MAX_LABEL),
                     AfterValidator(_visible)]  # fmt: skip


class PinBody(TopicRef):
    pinned: bool = True


class MergeBody(TopicRef):
    into: TopicId


class UnmergeBody(TopicRef):
    """The merged topic (`topic_id`) whose merge is undone."""
