import { NextResponse, type NextRequest } from "next/server";
import { findCrossSiteRefusal } from "@/server/http/check-request-origin";
import { createPageSecurityHeaders } from "@/server/http/page-security-headers";

/**
 * Runs before every page (not API routes: their bodies must stream to the route's own limits unbuffered).
 * Refuses cross-site state changes (server actions) carrying the session cookie; gives the page a fresh CSP
 * nonce, which the root layout and Next read from the request headers; adds HSTS over https; and passes the
 * requested path to server layouts, so a signed-out visitor returns to it after signing in.
 */
export function proxy(request: NextRequest) {
  const refusal = findCrossSiteRefusal(request);
  if (refusal) return new NextResponse(refusal, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });

  const { nonce, policy, hsts } = createPageSecurityHeaders(request.headers);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
