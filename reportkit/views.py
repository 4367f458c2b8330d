"""The public report journey's views, shared by both services and parametrised by each one's own forms,
templates and services: the same-origin check on posts, the first question (the 999 path), the report form
and its receipt, and coming back with the receipt. No page here sets a cookie (docs/adr/0006)."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any, Generic, Protocol, TypeVar

from django import forms
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.csrf import csrf_exempt

from .forms import WhereNowForm, where_now_label
from .formtoken import same_origin
from .replay import Submitted
from .selectors import Lookup
from .shells import shell_page

View = Callable[..., HttpResponseBase]
R = TypeVar("R")

WRONG_RECEIPT = gettext_noop("We could not find information with that receipt code. Check the code and try again")
THROTTLED = gettext_noop(
    "Too many wrong receipt codes have been tried in the last minute. Wait a minute and try again."
)
RECEIPT_MAX = 60  # no code is longer, however it is typed; a longer post is cut, not read


def no_store(response: HttpResponse) -> HttpResponse:
    # These pages show a receipt code or a reporter's own words: no browser or proxy may keep a copy.
    response["Cache-Control"] = "no-store, max-age=0"
    return response


def same_origin_post(refused_template: str) -> Callable[[View], View]:
    """No CSRF cookie (csrf_exempt); instead a post must come from one of our own pages (same origin), and the
    form's signed token (reportkit.formtoken) is checked by the form itself. docs/adr/0006."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            if request.method == "POST" and not same_origin(request):
                return no_store(render(request, refused_template, status=403))
            return view(request, *args, **kwargs)

        return csrf_exempt(wrapped)

    return decorate


@dataclass(frozen=True)
class JourneyPages:
    """One service's templates for the steps of its report journey."""

    start: str
    urgent: str
    form: str
    thanks: str

    @classmethod
    def in_folder(cls, folder: str) -> "JourneyPages":
        """The pages named as both services name them: start, urgent (999), form and thanks (the receipt)."""
        return cls(*(f"{folder}/{page}.html" for page in ("start", "urgent", "form", "thanks")))


def where_now_page(
    request: HttpRequest, *, pages: JourneyPages, form_url: str, about_appeal: bool, context: dict[str, Any]
) -> HttpResponse:
    """The first question. "Yes" shows the 999 page, whose link on to the form marks the report urgent;
    "no" goes straight to the form."""
    form = WhereNowForm(request.GET or None, label=where_now_label(about_appeal=about_appeal))
    context = {**context, "form": form, "form_url": form_url}
    if form.is_bound and form.is_valid():
        if form.cleaned_data["now"] == "yes":
            return no_store(render(request, pages.urgent, {**context, "form_url": form_url + "?urgent=1"}))
        return redirect(form_url)
    # The journey is never kept by a cache (docs/adr/0039): a reporter's every step is theirs alone.
    return no_store(render(request, pages.start, context))


class JourneyForm(Protocol):
    """A service's report form: reportkit.forms.ReportFormBase with that service's signed token."""

    def is_valid(self) -> bool: ...
    def note_lost_files(self, sent_files: bool) -> None: ...
    def fresh_token(self) -> None: ...
    def urgent_requested(self) -> bool: ...


F = TypeVar("F", bound=JourneyForm)


def report_form_page(
    request: HttpRequest,
    *,
    pages: JourneyPages,
    form_class: Callable[..., F],
    general: bool,
    submit: Callable[[F], object],
    context: dict[str, Any],
    ended: bool = False,
    shell_key: str = "",
    new_token: Callable[[], str] | None = None,
) -> HttpResponse:
    """The report form. A valid post goes to the service's `submit` (which finds the first result when the same
    form is posted again) and is answered with the receipt page; `ended` says the appeal ended while the form
    was open. An invalid post is shown again with a fresh token, saying that chosen files must be chosen again.

    With a `shell_key` (one that changes whenever the page's content may), the blank form and a new report's
    receipt page are rendered once and given to each reader with their own token or code (reportkit.shells);
    `new_token` draws the blank form's token (the form's `token` field) without building the form."""
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, general=general)
        if form.is_valid():
            submitted = submit(form)
            thanks_context = {**context, "ended": ended}
            if shell_key and isinstance(submitted, Submitted) and submitted.receipt_code and not submitted.repeated:
                key = f"{shell_key}:thanks:{int(form.urgent_requested())}:{int(ended)}"
                return no_store(
                    shell_page(
                        key,
                        lambda code: render(
                            request,
                            pages.thanks,
                            {**thanks_context, "submitted": replace(submitted, receipt_code=code)},
                        ),
                        submitted.receipt_code,
                    )
                )
            return no_store(render(request, pages.thanks, {**thanks_context, "submitted": submitted}))
        form.note_lost_files(bool(request.FILES))
        form.fresh_token()
    else:
        urgent = request.GET.get("urgent") == "1"
        if shell_key and new_token is not None:
            # A kept shell needs only a fresh token: the form itself is built only when the shell is rendered.
            def blank(token: str) -> HttpResponse:
                form = form_class(initial={"urgent": urgent}, general=general)
                form.initial["token"] = token  # type: ignore[attr-defined]  # a Django form: it has initial
                return render(request, pages.form, {**context, "form": form, "urgent": urgent})

            return no_store(shell_page(f"{shell_key}:form:{int(urgent)}", blank, new_token()))
        form = form_class(initial={"urgent": urgent}, general=general)
    return no_store(render(request, pages.form, {**context, "form": form, "urgent": form.urgent_requested()}))


@dataclass(frozen=True)
class ReceiptDoor(Generic[R]):
    """One service's way back in with a receipt code: its look-up form (a `receipt` field), the page that shows
    it, and its selector. The receipt is only ever posted, never put in a URL."""

    form_class: type[forms.Form]
    template: str
    find: Callable[[str], Lookup[R]]  # the service's report_by_receipt (reportkit.selectors.receipt_lookup)

    def page(self, request: HttpRequest, form: forms.Form, status: int = 200) -> HttpResponse:
        return no_store(render(request, self.template, {"form": form}, status=status))

    def _not_found(self, request: HttpRequest, form: forms.Form, *, throttled: bool) -> HttpResponse:
        form.add_error("receipt", gettext(THROTTLED if throttled else WRONG_RECEIPT))
        return self.page(request, form, status=429 if throttled else 200)

    def look_up(self, request: HttpRequest, show: Callable[[HttpRequest, R, str], HttpResponse]) -> HttpResponse:
        """The look-up page; posted, the report for the code typed (`show`), or the page again saying why not."""
        if request.method != "POST":
            return self.page(request, self.form_class())
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.page(request, form)
        found = self.find(form.cleaned_data["receipt"])
        if found.report is None:
            return self._not_found(request, form, throttled=found.throttled)
        return show(request, found.report, form.cleaned_data["receipt"])

    def posted_report(
        self, view: Callable[[HttpRequest, R, str], HttpResponse]
    ) -> Callable[[HttpRequest], HttpResponse]:
        """For a post from the report page (it carries the receipt, hidden): the view is given the report and
        the receipt; a code that finds nothing is answered with the look-up page, as if it had been typed."""

        @wraps(view)
        def wrapped(request: HttpRequest) -> HttpResponse:
            receipt = request.POST.get("receipt", "")[:RECEIPT_MAX]
            found = self.find(receipt)
            if found.report is None:
                form = self.form_class({"receipt": receipt})
                form.is_valid()
                return self._not_found(request, form, throttled=found.throttled)
            return view(request, found.report, receipt)

        return wrapped
