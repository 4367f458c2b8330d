from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError

from partner.errors import add_error_handlers
from partner.parser import StorableJsonParser

from .docs import SchemaPage
from .partner import router as partner_router
from .public import router as public_router

# The docs at /api/v1/docs are our own page made from the OpenAPI document (api/docs.py): nothing from a CDN,
# no script. The OpenAPI document is at /api/v1/openapi.json.
api = NinjaAPI(
    title="Lookout API",
    version="1",
    description="Current appeals for wanted and missing people, as the public pages show them.",
    docs=SchemaPage(paths_prefix="/api/v1/public/"),
    docs_url="/docs",
    urls_namespace="api",
    parser=StorableJsonParser(),
)
api.add_router("/public", public_router)
# Signed service-to-service endpoints for the independent service (partner.auth.PartnerSignature).
api.add_router("/partner", partner_router)
# Refusals (signature, validation) as the partner contract's structured error, on the public API too.
add_error_handlers(api)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"error": {"code": "http_error", "message": str(exc)}}, status=exc.status_code)
