// /api/trpc/*: the browser UI's procedures (session auth). Body cap, batch cap, origin check and rate limits in
// handleTrpcRequest and the procedures.
import { handleTrpcRequest } from "@/server/trpc/handle-trpc-request";

const handler = (request: Request) => handleTrpcRequest(request);

export { handler as GET, handler as POST };
