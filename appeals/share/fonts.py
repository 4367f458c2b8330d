"""The fonts cards and posters are drawn in: Debian's DejaVu (package fonts-dejavu-core, which `make demo` and
`make test` install when it is missing). Real TTF files, so a poster embeds them and its text can be searched
and read aloud."""

from pathlib import Path

from django.conf import settings


def font_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(settings.LOOKOUT_SHARE_FONT_DIR) / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: install Debian's fonts-dejavu-core (make demo and make test do)")
    return path
