"""Image re-encoding is the shared kit's (reportkit.images): the public's attachments in both services use it too."""

from reportkit.images import CleanImage, ImageRejected, reencode_image

__all__ = ["CleanImage", "ImageRejected", "reencode_image"]
