from django.urls import path

from ..views import staff

app_name = "appeals_staff"
urlpatterns = [
    path("new/", staff.appeal_new, name="new"),
    path("<str:reference>/", staff.appeal_detail, name="detail"),
    path("<str:reference>/edit/", staff.appeal_edit, name="edit"),
    path("<str:reference>/images/", staff.appeal_images, name="images"),
    path("<str:reference>/images/<uuid:public_id>/remove/", staff.appeal_image_remove, name="image_remove"),
    path("<str:reference>/images/<uuid:public_id>/<str:size>.jpg", staff.staff_image, name="image"),
    path("<str:reference>/assessment/", staff.appeal_assessment, name="assessment"),
    path("<str:reference>/submit/", staff.appeal_submit, name="submit"),
    path("<str:reference>/decide/", staff.appeal_decide, name="decide"),
    path("<str:reference>/renew/", staff.appeal_renew, name="renew"),
    path("<str:reference>/close/", staff.appeal_close, name="close"),
    path("<str:reference>/audit/", staff.appeal_audit, name="audit"),
]
