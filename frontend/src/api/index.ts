/** HTTP API v1: the readable type names and the client. */
export * from "./types";
export * from "./client";
