// GET /api/openapi.json: the REST API's OpenAPI 3.1 document (public).
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";

export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}
