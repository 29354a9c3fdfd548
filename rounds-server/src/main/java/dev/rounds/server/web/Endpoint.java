package dev.rounds.server.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the server: method, path, who may call it, and the handler. The server registers
 * exactly these, so tests and the OpenAPI document can be checked against the same list.
 *
 * @param method HTTP method
 * @param path path with {@code {param}} placeholders
 * @param access who may call it
 * @param handler what it does
 */
public record Endpoint(HandlerType method, String path, Access access, Handler handler) {
}
