import { data } from "@remix-run/node";

/** Expected failures are responses with a reason; the shared error boundary renders them. */
export function notFound(message = "not found"): never {
  throw data({ message }, { status: 404, statusText: "Not Found" });
}

export function badRequest(message: string): never {
  throw data({ message }, { status: 400, statusText: "Bad Request" });
}

export function conflict(message: string): never {
  throw data({ message }, { status: 409, statusText: "Conflict" });
}
