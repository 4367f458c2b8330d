"""Pages of appeals for the gallery, the list and the feeds: the same cost whatever the number of appeals."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Model, QuerySet

T = TypeVar("T")
U = TypeVar("U", bound=Model)

PAGE_SIZE = 24
# More pages than any force will have; a longer number is refused before it reaches the database.
MAX_PAGE = 10_000


class NoSuchPage(ValueError):
    """The page asked for is not a page number, or is past the last page."""


def page_number(value: str | None) -> int:
    """A page is a whole number from 1 (no page given is page 1); anything else is no such page."""
    if value is None or value == "":
        return 1
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_PAGE)):
        raise NoSuchPage(value[:20])
    number = int(value)
    if not 1 <= number <= MAX_PAGE:
        raise NoSuchPage(value)
    return number


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    number: int
    count: int
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.count else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.items) - 1 if self.count else 0

    def numbers(self) -> list[int | None]:
        """The page numbers a pagination bar shows: first, last, this one and its neighbours; None is a gap."""
        wanted = {1, self.num_pages, self.number - 1, self.number, self.number + 1}
        shown = sorted(n for n in wanted if 1 <= n <= self.num_pages)
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out


def paginate(
    items: QuerySet[U], number: int, convert: Callable[[list[U]], list[T]], per_page: int = PAGE_SIZE
) -> Page[T]:
    """One page of a queryset (a count and one slice, with the slice's prefetches); past the last
    page is NoSuchPage (page 1 of nothing is an empty page)."""
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        raise NoSuchPage(str(number)) from error
    return Page(items=convert(list(page.object_list)), number=number, count=paginator.count, per_page=per_page)
