"""Share cards and posters (issue 13, items 3 and 4): what they show (released information only), their formats
checked as a reader's software sees them (the PNG's chunks, the PDF rendered to pixels with PDFium and its QR code
decoded with zxing-cpp), and that they stop the moment an appeal ends."""

import io
import re
import struct
from datetime import timedelta

import pypdfium2
import pytest
import zxingcpp
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageChops, ImageOps, ImageStat

from appeals import services
from appeals.models import Appeal, AppealKind, Outcome
from appeals.public_cache import purge_public_cache
from appeals.share import rendered
from appeals.share.card import HEIGHT, PHOTO_WIDTH, WIDTH, placeholder_image
from lookout import http_cache

from .factories import add_image, assess, draft, published, senior, submitted

pytestmark = pytest.mark.django_db

A4_POINTS, A5_POINTS = (595.28, 841.89), (419.53, 595.28)


def png_chunks(body: bytes) -> list[str]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(body):
        (length,) = struct.unpack(">I", body[at : at + 4])
        chunks.append(body[at + 4 : at + 8].decode("ascii"))
        at += 12 + length
    return chunks


def card_of(client: Client, appeal: Appeal) -> Image.Image:
    response = client.get(reverse("appeals:card", args=[appeal.reference]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content)).convert("RGB")


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel, 0 (identical) to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def photo_area(card: Image.Image) -> Image.Image:
    return card.crop((0, 0, PHOTO_WIDTH, HEIGHT))


def stored_picture(image) -> Image.Image:
    with image.image.open("rb") as stored:
        picture = Image.open(stored).convert("RGB")
    return ImageOps.fit(picture, (PHOTO_WIDTH, HEIGHT), centering=(0.5, 0.3))


def publish_with(kind: str = AppealKind.WANTED, *, released=None, images=None, seeds=(1,), **data) -> Appeal:
    appeal = draft(kind, **data)
    made = [add_image(appeal, seed=seed) for seed in seeds]
    assess(appeal, released=released, images=made if images is None else [made[i] for i in images])
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    return services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")


# The card


def test_the_card_is_a_1200_by_630_png_with_pixels_only(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference}/card.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == http_cache.PUBLIC  # as every public view: a shared cache keeps it a second
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    # No text, EXIF, time, colour profile or physical-size chunks: nothing but the picture.
    assert set(png_chunks(response.content)) <= {"IHDR", "PLTE", "IDAT", "IEND"}
    assert not image.info and not image.getexif()


def test_wanted_and_missing_cards_differ_in_word_and_colour(client: Client):
    wanted = card_of(client, published(subject_name="Sam Sameface"))
    missing = card_of(client, published(AppealKind.MISSING, subject_name="Sam Sameface"))
    band = (PHOTO_WIDTH + 8, 48 + 64 + 4, WIDTH - 8, 48 + 64 + 146)  # the WANTED / MISSING band
    assert difference(wanted.crop(band), missing.crop(band)) > 20
    red, _g, blue = ImageStat.Stat(wanted.crop(band)).median
    assert red > blue + 60  # wanted: dark red with white capitals
    red, _g, blue = ImageStat.Stat(missing.crop(band)).median
    assert blue > red + 60  # missing: dark blue


def test_the_card_shows_the_released_image_never_an_unreleased_one(client: Client):
    appeal = publish_with(seeds=(1, 2), images=[1])  # two images, only the second released
    unreleased, released = list(appeal.images.order_by("id"))
    photo = photo_area(card_of(client, appeal))
    assert difference(photo, stored_picture(released)) < 3
    assert difference(photo, stored_picture(unreleased)) > 15


def test_an_appeal_that_releases_no_image_gets_the_neutral_placeholder(client: Client):
    appeal = publish_with(images=[])
    assert appeal.images.count() == 1  # it has one, unreleased
    photo = photo_area(card_of(client, appeal))
    assert difference(photo, placeholder_image((PHOTO_WIDTH, HEIGHT))) < 1
    assert difference(photo, stored_picture(appeal.images.get())) > 15


def test_a_burst_of_shares_renders_the_card_once(client: Client, monkeypatch):
    drawn = []
    real = rendered.render_card
    monkeypatch.setattr(rendered, "render_card", lambda *a: drawn.append(1) or real(*a))
    appeal = published()
    url = reverse("appeals:card", args=[appeal.reference])
    bodies = {client.get(url).content for _ in range(5)}
    assert len(drawn) == 1 and len(bodies) == 1
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A change to the appeal is a new card, never the cached one.
    Appeal.objects.filter(pk=appeal.pk).update(updated_at=timezone.now() + timedelta(seconds=5))
    purge_public_cache()  # what every service that changes what the public sees does on commit
    assert client.get(url)["ETag"] != etag and len(drawn) == 2


def test_the_appeal_page_shares_the_card_with_absolute_urls(client: Client):
    appeal = published(subject_name="Olive Opengraph")
    html = client.get(f"/appeals/{appeal.reference}/").content.decode()
    card = f"http://testserver/appeals/{appeal.reference}/card.png"
    assert f'<meta property="og:image" content="{card}">' in html
    assert f'<meta name="twitter:image" content="{card}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    alt = re.search(r'<meta property="og:image:alt" content="([^"]+)">', html)
    assert alt and "WANTED" in alt.group(1) and "Olive Opengraph" in alt.group(1)
    assert settings.LOOKOUT_FORCE_NAME in alt.group(1)


def test_the_card_alt_text_does_not_name_a_person_whose_name_is_not_released(client: Client):
    appeal = publish_with(released=["age", "areas"], subject_name="Hidden Namesake")
    html = client.get(f"/appeals/{appeal.reference}/").content.decode()
    assert "Hidden Namesake" not in html
    assert "Namesake" not in pdf_text(client.get(f"/appeals/{appeal.reference}/poster.pdf").content)


# What every copy answers when there is nothing to show


@pytest.mark.parametrize("name", ["card", "poster"])
def test_copies_of_an_ended_appeal_answer_410(client: Client, name: str, django_capture_on_commit_callbacks):
    appeal = published(subject_name="Gone Gladly")
    url = reverse(f"appeals:{name}", args=[appeal.reference])
    assert client.get(url).status_code == 200  # and now cached
    with django_capture_on_commit_callbacks(execute=True):  # the purge runs on commit, as in production
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    response = client.get(url)
    assert response.status_code == 410
    assert b"Gone Gladly" not in response.content and b"ended" in response.content
    assert response["Cache-Control"] == http_cache.GONE


@pytest.mark.parametrize("name", ["card", "poster"])
def test_copies_of_unknown_or_unpublished_appeals_are_404(client: Client, name: str):
    assert client.get(reverse(f"appeals:{name}", args=["W-ZZZZ"])).status_code == 404
    waiting = submitted(subject_name="Wanda Waiting")
    response = client.get(reverse(f"appeals:{name}", args=[waiting.reference]))
    assert response.status_code == 404 and b"Wanda" not in response.content


def test_a_lower_case_reference_redirects_to_the_canonical_copy(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference.lower()}/poster.pdf?size=a5")
    assert response.status_code == 302
    assert response["Location"] == f"/appeals/{appeal.reference}/poster.pdf?size=a5"


# The poster


def pdf_pages(body: bytes) -> pypdfium2.PdfDocument:
    assert body.startswith(b"%PDF-")
    return pypdfium2.PdfDocument(body)


def pdf_text(body: bytes) -> str:
    document = pdf_pages(body)
    return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)


def poster(client: Client, appeal: Appeal, query: str = "") -> bytes:
    response = client.get(f"/appeals/{appeal.reference}/poster.pdf{query}")
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == http_cache.PUBLIC
    return response.content


@pytest.mark.parametrize(("query", "points"), [("", A4_POINTS), ("?size=a4", A4_POINTS), ("?size=A5", A5_POINTS)])
def test_the_poster_is_one_page_of_the_size_asked_for(client: Client, query: str, points):
    document = pdf_pages(poster(client, published(), query))
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width, 1), round(height, 1)) == (round(points[0], 1), round(points[1], 1))


@pytest.mark.parametrize("query", ["", "?size=a5"])
def test_the_posters_qr_code_scans_to_the_report_page(client: Client, query: str):
    appeal = published()
    page = pdf_pages(poster(client, appeal, query))[0]
    bitmap = page.render(scale=150 / 72).to_pil()  # 150 dpi, as a phone camera sees a print
    codes = zxingcpp.read_barcodes(bitmap)
    assert [c.text for c in codes] == [f"http://testserver/appeals/{appeal.reference}/report/"]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    assert client.get(codes[0].text.removeprefix("http://testserver")).status_code == 200


def test_a_wanted_poster_says_what_to_do_with_999_and_the_charity(client: Client):
    appeal = published(subject_name="Wes Wantedman", description="Often seen near the canal.")
    text = pdf_text(poster(client, appeal))
    for words in [
        "WANTED",
        "Wes Wantedman",
        "999",
        "Do not approach",
        settings.LOOKOUT_CHARITY_PHONE,
        settings.LOOKOUT_CHARITY_NAME,
        settings.LOOKOUT_FORCE_NAME,
        "Often seen near the canal.",
        f"testserver/appeals/{appeal.reference}/report",
        appeal.reference,
    ]:
        assert words in text, words


def test_a_missing_poster_sends_people_to_us_not_the_charity(client: Client):
    appeal = published(AppealKind.MISSING, subject_name="Mia Missingham", age_min=40)
    text = pdf_text(poster(client, appeal))
    assert "MISSING" in text and "Mia Missingham" in text and "999" in text
    assert "WANTED" not in text and "approach" not in text
    assert settings.LOOKOUT_CHARITY_PHONE not in text  # missing-person information comes to the police directly


def test_the_poster_is_vector_with_its_font_embedded(client: Client):
    body = poster(client, published())
    assert b"/FontFile2" in body  # the TrueType font travels with the file
    assert body.count(b"/Subtype /Image") == 1  # the released image is the only picture


def test_the_poster_never_shows_an_unreleased_image(client: Client):
    appeal = publish_with(images=[])
    body = poster(client, appeal)
    picture = pdf_pages(body)[0].render(scale=1).to_pil().convert("RGB")
    unreleased = Image.open(appeal.images.get().image.open("rb")).convert("RGB")
    assert b"/Subtype /Image" in body  # the neutral figure
    assert picture.getcolors(1 << 20) is not None
    released_colours = {c for _n, c in unreleased.getcolors(1 << 20) or []}
    placeholder_colours = {c for _n, c in placeholder_image((440, 550)).getcolors(1 << 20) or []}
    drawn = {c for _n, c in picture.getcolors(1 << 20) or []}
    assert placeholder_colours <= drawn
    assert len((released_colours - placeholder_colours) & drawn) < len(released_colours) // 4


def test_an_unknown_poster_size_is_a_clear_400_page(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference}/poster.pdf", {"size": "<b>a0</b>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no poster of that size" in html and "<b>a0" not in html
    assert f"/appeals/{appeal.reference}/poster.pdf?size=a5" in html
    assert response["Cache-Control"] == "no-cache"


def test_the_appeal_page_links_to_share_and_print_without_javascript(client: Client):
    appeal = published()
    html = client.get(f"/appeals/{appeal.reference}/").content.decode()
    assert "Share or print this appeal" in html
    for href in [
        f"/appeals/{appeal.reference}/card.png",
        f"/appeals/{appeal.reference}/poster.pdf",
        f"/appeals/{appeal.reference}/poster.pdf?size=a5",
    ]:
        assert f'href="{href}"' in html


def test_a_missing_font_is_a_warning_at_start_up(settings, tmp_path):
    from appeals.checks import share_fonts_installed

    assert share_fonts_installed() == []
    settings.LOOKOUT_SHARE_FONT_DIR = str(tmp_path)
    assert [w.id for w in share_fonts_installed()] == ["appeals.W001", "appeals.W001"]
